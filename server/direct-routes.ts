// Two JSON routes the custom server answers itself, before Next.js: liveness, which load balancers
// and monitors poll, and "who am I", which clients and scripts poll. Through Next.js a request
// costs its router and the Web API objects it builds (~1 ms of CPU here, BENCHMARKS.md section 1)
// before any code of ours runs; here it costs what the session check costs. The contract is every
// route's: parse, authenticate, load, answer, with the data layer's session check, the one error
// body (lib/http/error-reply.ts), no-store, the security headers and a 503 while the database is away.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkSession, recentSessionCheck, signInFirst } from '../lib/auth/session-check';
import {
  clearedCookieAttributes,
  sealSessionCookie,
  sessionCookieAttributes,
  rememberedSessionCookie,
  sessionCookieName,
  unsealSessionCookieHeader,
} from '../lib/auth/session-cookie';
import type { SessionUser } from '../lib/auth/session-store';
import { getConfig, type AppConfig } from '../lib/config';
import { databaseUnavailable, isDatabaseAvailable } from '../lib/db/availability';
import { AppError } from '../lib/errors';
import { liveness } from '../lib/health/liveness';
import { describeError, log } from '../lib/log';
import { cookieValues, serializeSetCookie } from '../lib/http/cookie-header';
import { errorReply } from '../lib/http/error-reply';
import { requestInfoFromHeaders, type RequestInfo } from '../lib/http/request-info';
import { jsonContentSecurityPolicy, transportSecurityHeader } from '../lib/http/security-headers';

// The answer's body: a value to serialize, or JSON already serialized.
type Reply = { status: number; headers?: Record<string, string>; setCookie?: string } & ({ body: unknown } | { json: string });
// A route answers at once when it can: every await costs promise hooks (AsyncLocalStorage) on this path.
type DirectRoute = (request: IncomingMessage, info: RequestInfo) => Reply | Promise<Reply>;

const allowedMethods = 'GET, HEAD';

function healthRoute(): Reply {
  return { status: 200, body: liveness() };
}

// A user's object is shared by all their checks while their details are unchanged
// (sharedSessionUser), and so is its answer: serialized once per user rather than once per request
// or check. Kept as a string: a small Buffer would hold on to a whole 8 kB slab of Node's buffer pool.
const userBodies = new WeakMap<SessionUser, string>();

function userReply({ user }: { user: SessionUser }): Reply {
  let json = userBodies.get(user);
  if (json === undefined) {
    json = JSON.stringify({ user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role } });
    userBodies.set(user, json);
  }
  return { status: 200, json };
}

function currentUserRoute(request: IncomingMessage, info: RequestInfo): Reply | Promise<Reply> {
  if (!isDatabaseAvailable()) throw databaseUnavailable();
  const cookieHeader = request.headers.cookie;
  // The common case: a seal verified before and a session checked within SESSION_CHECK_CACHE.
  const remembered = rememberedSessionCookie(cookieHeader, getConfig().session.secrets);
  if (remembered?.sealedWithCurrentSecret) {
    const recent = recentSessionCheck(remembered);
    if (recent) return userReply(recent);
    if (recent === null) throw signInFirst();
  }
  return checkedUserReply(cookieHeader, info);
}

async function checkedUserReply(cookieHeader: string | undefined, info: RequestInfo): Promise<Reply> {
  const config = getConfig();
  const unsealed = await unsealSessionCookieHeader(cookieHeader, config.session.secrets);
  if (!unsealed) {
    // A cookie that is not ours, or no longer valid, is removed, as middleware does for pages.
    const presented = cookieValues(cookieHeader, sessionCookieName).length > 0;
    const setCookie = presented ? serializeSetCookie(sessionCookieName, '', clearedCookieAttributes(config, info.protocol)) : undefined;
    return { ...errorReply(signInFirst()), setCookie };
  }
  const current = await checkSession(unsealed);
  if (!current) throw signInFirst();
  const reply = userReply(current);
  if (!unsealed.sealedWithCurrentSecret) {
    // Sealed with an older secret of the rotation list: re-seal it with the newest one.
    const { sid, uid, exp, persistent } = unsealed.payload;
    const value = await sealSessionCookie({ sid, uid, exp, persistent }, config.session.secrets);
    reply.setCookie = serializeSetCookie(sessionCookieName, value, sessionCookieAttributes(config, { protocol: info.protocol, persistent, expiresAt: exp }));
  }
  return reply;
}

const headerReader = (request: IncomingMessage) => ({
  get(name: string): string | null {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : (value ?? null);
  },
});

function send(request: IncomingMessage, response: ServerResponse, info: RequestInfo, reply: Reply): void {
  const body = 'json' in reply ? reply.json : JSON.stringify(reply.body);
  response.statusCode = reply.status;
  response.setHeader('Content-Type', 'application/json');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Content-Security-Policy', jsonContentSecurityPolicy);
  const hsts = transportSecurityHeader(info.protocol);
  if (hsts) response.setHeader('Strict-Transport-Security', hsts);
  for (const [name, value] of Object.entries(reply.headers ?? {})) response.setHeader(name, value);
  if (reply.setCookie) response.setHeader('Set-Cookie', reply.setCookie);
  response.end(request.method === 'HEAD' ? undefined : body);
}

function answer(request: IncomingMessage, response: ServerResponse, route: DirectRoute): void {
  const info = requestInfoFromHeaders(headerReader(request));
  const reply = (result: Reply) => send(request, response, info, result);
  const fail = (error: unknown) => reply(errorReply(error));
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const refused = errorReply(new AppError('method_not_allowed', `This address answers only ${allowedMethods}.`));
    return reply({ ...refused, headers: { ...refused.headers, Allow: allowedMethods } });
  }
  let result: Reply | Promise<Reply>;
  try {
    result = route(request, info);
  } catch (error) {
    return fail(error);
  }
  if (result instanceof Promise) {
    result.then(reply, fail).catch((error: unknown) => {
      log.error('http.handler_failed', describeError(error));
      response.destroy();
    });
  } else {
    reply(result);
  }
}

/** Returns a function that answers the request and returns true when it is one of these routes. */
export function createDirectRoutes(config: AppConfig): (request: IncomingMessage, response: ServerResponse) => boolean {
  const routes = new Map<string, DirectRoute>([
    [`${config.basePath}/api/health`, healthRoute],
    [`${config.basePath}/api/auth/me`, currentUserRoute],
  ]);
  return (request, response) => {
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const route = routes.get(queryAt === -1 ? url : url.slice(0, queryAt));
    if (!route) return false;
    answer(request, response, route);
    return true;
  };
}
