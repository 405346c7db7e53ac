// Two JSON routes the custom server answers itself, before Next.js: liveness, which load balancers
// and monitors poll, and "who am I", which clients and scripts poll. Through Next.js a request
// costs its router and the Web API objects it builds before any code of ours runs; here it costs
// what the session check costs. The answers are the route files' own (app/api/health/route.ts,
// app/api/auth/me/route.ts call the same functions), with the security headers added here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../lib/config';
import { methodNotAllowed } from '../lib/http/error-reply';
import { ipAddressFromForwardedFor, protocolFromForwardedProto } from '../lib/http/request-info';
import { currentUserReply } from '../lib/http/routes/current-user';
import { healthReply } from '../lib/http/routes/health';
import { plainError, type PlainReply } from '../lib/http/routes/reply';
import { transportSecurityHeader } from '../lib/http/security-headers';
import { describeError, log } from '../lib/log';

type DirectRoute = (request: IncomingMessage, protocol: string) => PlainReply | Promise<PlainReply>;

const allowedMethods = 'GET, HEAD';

/** One request header by its lower-case name, as a Web Headers object would give it. */
function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function send(request: IncomingMessage, response: ServerResponse, protocol: 'http' | 'https', reply: PlainReply): void {
  response.statusCode = reply.status;
  response.setHeader('Content-Type', 'application/json');
  response.setHeader('Content-Length', Buffer.byteLength(reply.json));
  const hsts = transportSecurityHeader(protocol);
  if (hsts) response.setHeader('Strict-Transport-Security', hsts);
  for (const [name, value] of Object.entries(reply.headers)) response.setHeader(name, value);
  if (reply.setCookie) response.setHeader('Set-Cookie', reply.setCookie);
  response.end(request.method === 'HEAD' ? undefined : reply.json);
}

function answer(request: IncomingMessage, response: ServerResponse, route: DirectRoute): void {
  const protocol = protocolFromForwardedProto(header(request, 'x-forwarded-proto'));
  const reply = (result: PlainReply) => send(request, response, protocol, result);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const refused = plainError(methodNotAllowed(allowedMethods));
    return reply({ ...refused, headers: { ...refused.headers, Allow: allowedMethods } });
  }
  let result: PlainReply | Promise<PlainReply>;
  try {
    result = route(request, protocol);
  } catch (error) {
    return reply(plainError(error));
  }
  // A route answers at once when it can: every await costs promise hooks (AsyncLocalStorage) here.
  if (result instanceof Promise) {
    result
      .then(reply, (error: unknown) => reply(plainError(error)))
      .catch((error: unknown) => {
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
    [`${config.basePath}/api/health`, () => healthReply()],
    [
      `${config.basePath}/api/auth/me`,
      (request, protocol) =>
        currentUserReply(request.headers.cookie, protocol, {
          authorization: request.headers.authorization,
          ipAddress: () => ipAddressFromForwardedFor(header(request, 'x-forwarded-for')),
        }),
    ],
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
