import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../lib/errors';
import { plainPageHeaders, plainPageHtml } from '../lib/http/plain-html';
import { plainError } from '../lib/http/routes/reply';

/** True when the path has a "%" that does not start a valid UTF-8 percent-escape ("%E0%A4%A", "100%"). */
export function hasBrokenEscape(path: string): boolean {
  if (!path.includes('%')) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

const problem = 'This address has a broken percent-escape (a "%" not followed by a valid code), so it names nothing.';

/**
 * An address whose path cannot be decoded: Next.js answers a plain-text 500 when it must decode a
 * segment of it (a page or route with an id in its address). This answers 400 before it: the one
 * JSON error body under /api/, a plain page elsewhere. Returns true when it answered.
 */
export function createBrokenAddressGuard(
  basePath: string,
): (request: IncomingMessage, response: ServerResponse) => boolean {
  const apiPrefix = `${basePath}/api/`;
  return (request, response) => {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (!hasBrokenEscape(path)) return false;
    if (path.startsWith(apiPrefix)) {
      const reply = plainError(new AppError('bad_request', problem));
      response.writeHead(reply.status, { ...reply.headers, 'Content-Type': 'application/json' });
      response.end(request.method === 'HEAD' ? undefined : reply.json);
    } else {
      const html = plainPageHtml({ title: 'Address not valid', message: `${problem} Check the link and try again.` });
      response.writeHead(400, plainPageHeaders);
      response.end(request.method === 'HEAD' ? undefined : html);
    }
    return true;
  };
}
