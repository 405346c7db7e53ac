import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, test } from 'node:test';
import { gracefulStop, type GracefulStop } from '../../server/graceful-stop';

// A deadline no test waits out: a stop that only ends at it makes the test time out instead.
const farDeadlineMs = 600_000;
const hangGuard = { timeout: 20_000 };

type Started = {
  server: http.Server;
  stop: GracefulStop['stop'];
  port: number;
  release: () => void;
  received: Promise<void>;
};

/**
 * A server whose answers to /slow wait until the test releases them, as a page waits on a slow
 * query; /work goes on after its client has left, as a page or an action does, until released.
 */
async function startServer(): Promise<Started> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let received!: () => void;
  const receivedSlow = new Promise<void>((resolve) => (received = resolve));
  const server = http.createServer();
  const { stop, track } = gracefulStop(server);
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (request.url === '/fast') return response.end('fast');
    received();
    const work = released.then(() => response.end('slow answer'));
    if (request.url === '/work') track(work);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { server, stop, port, release, received: receivedSlow };
}

/** A raw keep-alive connection, to see exactly when the server closes it. */
async function connect(port: number): Promise<{ socket: net.Socket; text: () => string; closed: Promise<void> }> {
  const socket = net.connect(port, '127.0.0.1');
  let text = '';
  socket.on('data', (chunk) => (text += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, text: () => text, closed };
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n`;

/** Asks for /work and leaves once the server has it: the work goes on without its client. */
async function leaveWorkRunning(server: Started): Promise<void> {
  const client = await connect(server.port);
  client.socket.write(get('/work'));
  await server.received;
  client.socket.destroy();
  await client.closed;
}

let started: Started | null = null;
afterEach(() => {
  started?.release();
  started?.server.closeAllConnections();
  started?.server.close();
  started = null;
});

describe('stopping the server', () => {
  test('a request in flight is answered, then its keep-alive connection closes at once', hangGuard, async () => {
    started = await startServer();
    const client = await connect(started.port);
    client.socket.write(get('/slow'));
    await started.received;

    const stopped = started.stop(farDeadlineMs);
    started.release();
    await client.closed;
    assert.match(client.text(), /^HTTP\/1\.1 200 OK[\s\S]*slow answer$/);
    assert.deepEqual(await stopped, { forcedConnections: 0, unfinishedWork: 0 });
  });

  test('idle keep-alive connections and ones that never sent a request close at once', hangGuard, async () => {
    started = await startServer();
    const used = await connect(started.port);
    used.socket.write(get('/fast'));
    while (!used.text().endsWith('fast')) await new Promise((resolve) => setTimeout(resolve, 10));
    // Browsers open spare connections before they need them; Node counts one as a request under way.
    const spare = await connect(started.port);

    assert.deepEqual(await started.stop(farDeadlineMs), { forcedConnections: 0, unfinishedWork: 0 });
    await Promise.all([used.closed, spare.closed]);
    assert.equal(spare.text(), '');
  });

  test('a request that comes on a new connection just after the stop began is still answered', hangGuard, async () => {
    started = await startServer();
    const client = await connect(started.port);
    const stopped = started.stop(farDeadlineMs);
    client.socket.write(get('/fast'));
    await client.closed;
    assert.match(client.text(), /^HTTP\/1\.1 200 OK[\s\S]*fast$/);
    assert.deepEqual(await stopped, { forcedConnections: 0, unfinishedWork: 0 });
  });

  test('work whose client left is waited for before the stop ends', hangGuard, async () => {
    started = await startServer();
    await leaveWorkRunning(started);

    let ended = false;
    const stopped = started.stop(farDeadlineMs).then((outcome) => {
      ended = true;
      return outcome;
    });
    // Every connection is gone at once; a stop that did not wait would have ended by now.
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(ended, false);
    started.release();
    assert.deepEqual(await stopped, { forcedConnections: 0, unfinishedWork: 0 });
  });

  test('at the deadline, connections still busy are closed and counted', hangGuard, async () => {
    started = await startServer();
    const client = await connect(started.port);
    client.socket.write(get('/slow'));
    await started.received;

    assert.deepEqual(await started.stop(50), { forcedConnections: 1, unfinishedWork: 0 });
    await client.closed;
    assert.equal(client.text(), '');
  });

  test('at the deadline, work still running is left and counted', hangGuard, async () => {
    started = await startServer();
    await leaveWorkRunning(started);

    assert.deepEqual(await started.stop(50), { forcedConnections: 0, unfinishedWork: 1 });
  });
});
