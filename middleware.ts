// The optimistic gate: it only unseals the cookie (no database) and sends people without one to
// the login page. Every page, action and route checks the session again behind the boundary.
// Next.js 16 prefers the name proxy.ts; we keep middleware.ts on purpose (see README).
import { NextResponse, type NextRequest } from 'next/server';
import { resolveSession } from '@/lib/auth/session';
import { serializeSessionCookie } from '@/lib/auth/session-cookie';
import { isDatabaseAvailable } from '@/lib/db/availability';
import { signInFirst } from '@/lib/errors';
import { jsonError } from '@/lib/http/json';
import { requestInfoFromHeaders } from '@/lib/http/request-info';
import { contentSecurityPolicy, newNonce, transportSecurityHeader } from '@/lib/http/security-headers';
import { serviceUnavailable } from '@/lib/http/unavailable';

export const config = {
  runtime: 'nodejs',
  // '/' is listed on its own: the negative-lookahead pattern does not match the bare base path.
  matcher: ['/', '/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};

const publicPaths = ['/login', '/setup', '/api/health', '/api/auth/login'];

const isPublic = (pathname: string) => publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));

function signInRedirect(request: NextRequest): NextResponse {
  const { pathname, search } = request.nextUrl; // without the base path
  if (pathname.startsWith('/api/')) return jsonError(signInFirst());
  // clone() keeps the base path; new URL('/login', request.url) would drop it.
  const login = request.nextUrl.clone();
  login.pathname = '/login';
  login.search = '';
  if (pathname !== '/') login.searchParams.set('next', pathname + search);
  return NextResponse.redirect(login);
}

export async function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Health routes report the outage themselves; everything else waits for the database.
  if (!isDatabaseAvailable() && !pathname.startsWith('/api/health'))
    return serviceUnavailable(pathname.startsWith('/api/'));
  const { protocol } = requestInfoFromHeaders(request.headers);
  const { claim, cookie } = await resolveSession(request.headers.get('cookie'), protocol, { database: false });

  let response: NextResponse;
  if (!claim && !isPublic(pathname)) {
    response = signInRedirect(request);
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set('x-request-path', pathname + search);
    const policy = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === 'development');
    forwarded.set('content-security-policy', policy);
    response = NextResponse.next({ request: { headers: forwarded } });
    response.headers.set('Content-Security-Policy', policy);
    const hsts = transportSecurityHeader(protocol);
    if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  }
  // A cookie of ours that does not unseal is cleared; one sealed with an older secret is renewed.
  if (cookie) response.headers.append('Set-Cookie', serializeSessionCookie(cookie));
  return response;
}
