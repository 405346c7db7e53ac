// The optimistic gate: it only unseals the cookie (no database) and sends people without one to
// the login page. Every page, action and route checks the session again in the data layer.
// Next.js 16 prefers the name proxy.ts; we keep middleware.ts on purpose (see README).
import { NextResponse, type NextRequest } from 'next/server';
import {
  clearedCookieAttributes,
  sealSessionCookie,
  sessionCookieAttributes,
  sessionCookieName,
  unsealSessionCookieHeader,
} from '@/lib/auth/session-cookie';
import { signInFirst } from '@/lib/auth/session-check';
import { getConfig } from '@/lib/config';
import { isDatabaseAvailable } from '@/lib/db/availability';
import { cookieValues } from '@/lib/http/cookie-header';
import { jsonError } from '@/lib/http/json';
import { serviceUnavailable } from '@/lib/http/unavailable';
import { requestInfoFromHeaders } from '@/lib/http/request-info';
import { contentSecurityPolicy, newNonce, transportSecurityHeader } from '@/lib/http/security-headers';

export const config = {
  runtime: 'nodejs',
  // '/' is listed on its own: the negative-lookahead pattern does not match the bare base path.
  matcher: ['/', '/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)'],
};

const publicPaths = ['/login', '/setup', '/api/health', '/api/auth/login'];

const isPublic = (pathname: string) => publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));

export async function middleware(request: NextRequest) {
  const appConfig = getConfig();
  const { pathname, search } = request.nextUrl; // without the base path
  // Health routes report the outage themselves; everything else waits for the database.
  if (!isDatabaseAvailable() && !pathname.startsWith('/api/health')) return serviceUnavailable(pathname.startsWith('/api/'));
  const { protocol } = requestInfoFromHeaders(request.headers);
  const cookieHeader = request.headers.get('cookie');
  const unsealed = await unsealSessionCookieHeader(cookieHeader, appConfig.session.secrets);
  // A cookie of our name that does not unseal is cleared.
  const presentedInvalid = !unsealed && cookieValues(cookieHeader, sessionCookieName).length > 0;

  if (!unsealed && !isPublic(pathname)) {
    let response: NextResponse;
    if (pathname.startsWith('/api/')) {
      response = jsonError(signInFirst());
    } else {
      // clone() keeps the base path; new URL('/login', request.url) would drop it.
      const login = request.nextUrl.clone();
      login.pathname = '/login';
      login.search = '';
      if (pathname !== '/') login.searchParams.set('next', pathname + search);
      response = NextResponse.redirect(login);
    }
    if (presentedInvalid) response.cookies.set(sessionCookieName, '', clearedCookieAttributes(appConfig, protocol));
    return response;
  }

  const forwarded = new Headers(request.headers);
  forwarded.set('x-request-path', pathname + search);
  const policy = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === 'development');
  forwarded.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set('Content-Security-Policy', policy);
  const hsts = transportSecurityHeader(protocol);
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);

  if (presentedInvalid) {
    response.cookies.set(sessionCookieName, '', clearedCookieAttributes(appConfig, protocol));
  } else if (unsealed && !unsealed.sealedWithCurrentSecret) {
    // Sealed with an older secret of the rotation list: re-seal it with the newest one.
    const { payload } = unsealed;
    const value = await sealSessionCookie({ sid: payload.sid, uid: payload.uid, exp: payload.exp, persistent: payload.persistent }, appConfig.session.secrets);
    response.cookies.set(
      sessionCookieName,
      value,
      sessionCookieAttributes(appConfig, { protocol, persistent: payload.persistent, expiresAt: payload.exp }),
    );
  }
  return response;
}
