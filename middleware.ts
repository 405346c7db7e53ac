// The optimistic gate: it only unseals the cookie (no database) and sends people without one to
// the login page. Every page, action and route checks the session again behind the boundary.
// Next.js 16 prefers the name proxy.ts; we keep middleware.ts on purpose (see README).
import { NextResponse, type NextRequest } from 'next/server';
import { resolveSession } from '@/lib/auth/session';
import { serializeSessionCookie } from '@/lib/auth/session-cookie';
import { isDatabaseAvailable } from '@/lib/db/availability';
import { signInFirst } from '@/lib/errors';
import { jsonError } from '@/lib/http/json';
import { plainPage } from '@/lib/http/plain-page';
import { requestInfoFromHeaders } from '@/lib/http/request-info';
import { changesState, isCrossOrigin } from '@/lib/http/same-origin';
import { contentSecurityPolicy, newNonce, transportSecurityHeader } from '@/lib/http/security-headers';
import { serviceUnavailable } from '@/lib/http/unavailable';

export const config = {
  runtime: 'nodejs',
  // '/' is listed on its own: the negative-lookahead pattern does not match the bare base path.
  // The web manifest and its icons are fetched without cookies (app/manifest.ts), so they pass too.
  matcher: [
    '/',
    '/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|manifest.webmanifest|icons/|robots.txt).*)',
  ],
};

const publicPaths = [
  '/login',
  '/setup',
  '/forgot-password',
  '/reset-password',
  '/api/health',
  '/api/auth/login',
  // Signing out succeeds whatever state the session is in, also with no cookie at all.
  '/api/auth/logout',
  '/api/auth/oidc',
  // Passkey sign-in: its challenge and its answer come before any session.
  '/api/auth/passkey',
];

const isPublic = (pathname: string) => publicPaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));

// A server action sent by the page's JavaScript: redirected, its POST would land on the login page
// and fail in the browser, throwing away the form. The boundary answers it instead ("your session
// ended"), with what was typed, so the form can offer a sign-in and keep its draft.
const isScriptedServerAction = (request: NextRequest) =>
  request.method === 'POST' && request.headers.has('next-action');

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

// A page takes a POST only as a server action. Next.js refuses another site's with a 500 and a
// stack trace in the log; this is the plain refusal. JSON routes refuse it themselves (route()).
const crossSiteForm = () =>
  plainPage(403, {
    title: 'Request refused',
    message: 'This form was sent from another site, so nothing was done. Open IT Assets Manager itself and try again.',
  });

export async function middleware(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const forApi = pathname.startsWith('/api/');
  if (!forApi && changesState(request.method) && isCrossOrigin(request)) return crossSiteForm();
  // Health routes report the outage themselves; everything else waits for the database.
  if (!isDatabaseAvailable() && !pathname.startsWith('/api/health')) return serviceUnavailable(forApi);
  const { protocol } = requestInfoFromHeaders(request.headers);
  const { claim, cookie } = await resolveSession(request.headers.get('cookie'), protocol, { database: false });

  // A JSON route checks an API token itself (route()); pages never take one, so they still redirect.
  const withApiToken = forApi && /^Bearer\s/i.test(request.headers.get('authorization') ?? '');

  let response: NextResponse;
  if (!claim && !withApiToken && !isPublic(pathname) && !isScriptedServerAction(request)) {
    response = signInRedirect(request);
  } else {
    const forwarded = new Headers(request.headers);
    forwarded.set('x-request-path', pathname + search);
    // Pages only: a route under app/api/ sends its own, stricter policy, which this one would replace.
    const policy = forApi ? null : contentSecurityPolicy(newNonce(), process.env.NODE_ENV === 'development');
    if (policy) forwarded.set('content-security-policy', policy);
    response = NextResponse.next({ request: { headers: forwarded } });
    if (policy) response.headers.set('Content-Security-Policy', policy);
    const hsts = transportSecurityHeader(protocol);
    if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  }
  // A cookie of ours that does not unseal is cleared; one sealed with an older secret is renewed.
  if (cookie) response.headers.append('Set-Cookie', serializeSessionCookie(cookie));
  return response;
}
