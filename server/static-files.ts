import type { IncomingMessage, ServerResponse } from 'node:http';
import { methodNotAllowed } from '../lib/http/error-reply';

const allowedMethods = 'GET, HEAD';

/**
 * Build files under _next/static/ are only read. Next.js answers any other method there with a 500
 * (it renders a /405 page the App Router does not have); this answers 405 before it. Returns true
 * when it answered.
 */
export function createStaticFileGuard(
  basePath: string,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const prefix = `${basePath}/_next/static/`;
  return (request, response) => {
    if (request.method === 'GET' || request.method === 'HEAD' || !(request.url ?? '').startsWith(prefix)) return false;
    const message = methodNotAllowed(allowedMethods).message;
    response.writeHead(405, {
      Allow: allowedMethods,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(message),
    });
    response.end(message);
    return true;
  };
}
