import type http from 'node:http';
import type net from 'node:net';

const firstRequestGraceMs = 1_000;

export type StopOutcome = {
  /** Connections still open at the deadline, closed then. */
  forcedConnections: number;
  /** Tracked work still running when the stop gave up waiting for it. */
  unfinishedWork: number;
};

export type GracefulStop = {
  /** Work a request started that may outlive its connection: the stop waits for it. */
  track: (work: Promise<unknown>) => void;
  stop: (deadlineMs: number) => Promise<StopOutcome>;
};

/**
 * How the server stops (SIGTERM from PM2 or systemd, Ctrl-C): it takes no new connections, lets
 * the requests in flight finish, and closes every other connection at once. Node's own close left
 * two kinds open until the deadline, so a stop under load always took its full length:
 * - a keep-alive connection whose request was in flight: it stays open after its answer, so each
 *   connection now closes as soon as its last response has gone;
 * - a connection that has not sent a request yet (browsers open spare ones): Node counts it as a
 *   request under way, so it is closed unless a request comes on it soon after the stop begins
 *   (a proxy's request may be on its way on a connection just accepted).
 * A page or action whose client went away keeps running after its connection closed; the stop
 * also waits for that tracked work, so it is not cut off by the database closing under it.
 * At the deadline, whatever is still open is closed and the stop says how much was left.
 */
export function gracefulStop(server: http.Server): GracefulStop {
  let stopping = false;
  const withoutRequest = new Set<net.Socket>();
  const working = new Set<Promise<unknown>>();
  server.on('connection', (socket: net.Socket) => {
    withoutRequest.add(socket);
    socket.once('close', () => withoutRequest.delete(socket));
  });
  const closeIfIdle = () => {
    if (stopping) server.closeIdleConnections();
  };
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    withoutRequest.delete(request.socket);
    // A response's 'close' comes after it has left its socket, which is then idle.
    response.once('close', closeIfIdle);
  });

  const track = (work: Promise<unknown>) => {
    working.add(work);
    const done = () => working.delete(work);
    work.then(done, done);
  };

  const stop = (deadlineMs: number) => {
    stopping = true;
    return new Promise<StopOutcome>((resolve) => {
      let forcedConnections = 0;
      let connectionsClosed = false;
      let pastDeadline = false;
      const finish = () => {
        clearTimeout(deadline);
        resolve({ forcedConnections, unfinishedWork: working.size });
      };
      const deadline = setTimeout(() => {
        pastDeadline = true;
        if (connectionsClosed) return finish();
        server.getConnections((_error, open) => {
          forcedConnections = open;
          server.closeAllConnections();
        });
      }, deadlineMs);
      server.close(() => {
        connectionsClosed = true;
        // Past the deadline the work is not waited for any longer (its connections may have closed
        // by themselves just as it passed, so none was forced).
        if (pastDeadline || working.size === 0) return finish();
        void Promise.allSettled(working).then(finish);
      });
      server.closeIdleConnections();
      const spare = [...withoutRequest];
      setTimeout(() => {
        for (const socket of spare) if (withoutRequest.has(socket)) socket.destroy();
      }, firstRequestGraceMs).unref();
    });
  };

  return { track, stop };
}
