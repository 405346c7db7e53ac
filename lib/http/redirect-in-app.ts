import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getConfig } from '../config';

/**
 * redirect() to a path inside the app, also for forms posted without JavaScript. Next.js adds the
 * base path to redirects from pages and from JavaScript-driven actions, but a plain form post gets
 * a bare 303 whose Location lacks it (and would land on a 404 under a sub-path).
 */
export async function redirectInApp(path: string): Promise<never> {
  const request = await headers();
  const isPlainFormPost =
    !request.has('next-action') &&
    /multipart\/form-data|application\/x-www-form-urlencoded/.test(request.get('content-type') ?? '');
  redirect(isPlainFormPost ? `${getConfig().basePath}${path}` : path);
}
