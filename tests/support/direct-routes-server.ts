import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import type { AppConfig } from '../../lib/config';
import { createDirectRoutes } from '../../server/direct-routes';

/**
 * A real socket in front of the custom server's direct routes (anything else answers 404), for
 * the length of the test file. `base()` is its address once the tests run.
 */
export function useDirectRoutesServer(config: AppConfig): { base: () => string } {
  let base = '';
  const server = http.createServer((request, response) => {
    if (createDirectRoutes(config)(request, response)) return;
    response.statusCode = 404;
    response.end('not a direct route');
  });
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { base: () => base };
}
