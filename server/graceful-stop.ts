import type http from 'node:http';
import type net from 'node:net';

const firstRequestGraceMs = 1_000;

export type StopServer = (deadlineMs: number) => Promise<{ forcedConnections: number }>;

/**
 * How the server stops (SIGTERM from PM2 or systemd, Ctrl-C): it takes no new connections, lets
 * the requests in flight finish, and closes every other connection at once. Node's own close left
 * two kinds open until the deadline, so a stop under load always took its full length:
 * - a keep-alive connection whose request was in flight: it stays open after its answer, so each
 *   connection now closes as soon as its last response has gone;
 * - a connection that has not sent a request yet (browsers open spare ones): Node counts it as a
 *   request under way, so it is closed unless a request comes on it soon after the stop begins
 *   (a proxy's request may be on its way on a connection just accepted).
 * At the deadline, whatever is still open is closed; the caller learns how many connections that was.
 */
export function gracefulStop(server: http.Server): StopServer {
  let stopping = false;
  const withoutRequest = new Set<net.Socket>();
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

  return (deadlineMs) => {
    stopping = true;
    return new Promise((resolve) => {
      let forcedConnections = 0;
      const deadline = setTimeout(() => {
        server.getConnections((_error, open) => {
          forcedConnections = open;
          server.closeAllConnections();
        });
      }, deadlineMs);
      server.close(() => {
        clearTimeout(deadline);
        resolve({ forcedConnections });
      });
      server.closeIdleConnections();
      const spare = [...withoutRequest];
      setTimeout(() => {
        for (const socket of spare) if (withoutRequest.has(socket)) socket.destroy();
      }, firstRequestGraceMs).unref();
    });
  };
}
