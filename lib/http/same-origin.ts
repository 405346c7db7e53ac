import { AppError } from '../errors';
import { requestInfoFromHeaders } from './request-info';

/**
 * Requests that change something are refused when another site's page sent them. Scripts and curl
 * send no Origin and pass; a browser always sends one on POST.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (request.headers.get('sec-fetch-site') === 'cross-site')
    throw new AppError('cross_origin', 'Cross-origin requests are not allowed.');
  if (origin === null) return;
  const { protocol, host } = requestInfoFromHeaders(request.headers);
  if (origin !== `${protocol}://${host}`) throw new AppError('cross_origin', 'Cross-origin requests are not allowed.');
}
