import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from '../lib/log';

const clientClosedRequest = 499;

/**
 * One JSON line per request when it ends, with a request id that is also sent back in
 * X-Request-Id (a trusted proxy's own id is kept). Only the path is logged: no query string,
 * no headers, no cookies. A request whose client went away before the whole answer was sent is
 * logged with status 499, as nginx does, so it does not vanish from the log.
 */
export function logRequest(request: IncomingMessage, response: ServerResponse, fromTrustedProxy: boolean): string {
  const incoming = request.headers['x-request-id'];
  const requestId =
    fromTrustedProxy && typeof incoming === 'string' && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
  request.headers['x-request-id'] = requestId;
  response.setHeader('X-Request-Id', requestId);
  const path = (request.url ?? '/').split('?')[0];
  if (path.includes('/_next/static/')) return requestId;
  const started = process.hrtime.bigint();
  response.once('close', () => {
    log.info('http.request', {
      requestId,
      method: request.method,
      path,
      status: response.writableFinished ? response.statusCode : clientClosedRequest,
      ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      ip: request.headers['x-forwarded-for'],
    });
  });
  return requestId;
}
