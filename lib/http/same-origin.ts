import { AppError } from '../errors';
import { requestInfoFromHeaders } from './request-info';

/** GET and HEAD only read; every other method may change something. */
export const changesState = (method: string) => method !== 'GET' && method !== 'HEAD';

/**
 * Whether another site's page sent this request. Scripts and curl send no Origin and pass; a
 * browser always sends one on POST.
 */
export function isCrossOrigin(request: Pick<Request, 'headers'>): boolean {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const { protocol, host } = requestInfoFromHeaders(request.headers);
  return origin !== `${protocol}://${host}`;
}

/** Requests that change something are refused when another site's page sent them. */
export function assertSameOrigin(request: Request): void {
  if (isCrossOrigin(request)) throw new AppError('cross_origin', 'Cross-origin requests are not allowed.');
}
