import 'server-only';
import type { z } from 'zod';
import type { Actor } from '../actor';
import type { UserRole } from '../db/schema';
import { AppError, signInFirst } from '../errors';
import { methodNotAllowed } from '../http/error-reply';
import { jsonError, jsonOk } from '../http/json';
import { readJsonBody } from '../http/json-body';
import { assertSameOrigin, changesState } from '../http/same-origin';
import { changesCommitted } from '../kept-results';
import { searchParamsToObject } from '../list-params';
import { parseInput, validationFailed } from '../validation';
import { authenticateApiToken, invalidToken } from '../auth/api-token-check';
import { bearerTokenOf } from '../auth/api-token-format';
import { requestInfoFromHeaders } from '../http/request-info';
import { actorOf, assertSecondFactorSetUp, signedInSession, tokenActorOf } from './request';
import { databaseTools, type DatabaseTools } from './transaction';
import { describeHandler, markRefusal } from './route-descriptions';

// The one wrapper for JSON route handlers, in a fixed order: refuse other sites' requests that
// change something → parse params, query and body (zod) → resolve the session → check the role →
// build the Actor → run the handler (which opens its transaction) → answer every failure with the
// one JSON error body. A handler returns a Response, or a value that is answered as 200 JSON.

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteOptions<Params, Query, Body> = {
  params?: Params;
  query?: Query;
  /** How the query string becomes the object `query` parses (default: first value of each key, blanks dropped). */
  queryObject?: (search: URLSearchParams) => Record<string, string>;
  body?: Body;
  /** An empty body counts as `{}` (actions whose fields are all optional). */
  bodyOptional?: boolean;
  /** A sentence for the API document about what the schemas do not show (a file body, a CSV answer). */
  note?: string;
};

export type RouteArgs<Params, Query, Body> = DatabaseTools & {
  request: Request;
  params: Out<Params>;
  query: Out<Query>;
  body: Out<Body>;
};

type NextContext = { params?: Promise<Record<string, string | string[]>> };
type Handler = (request: Request, context: NextContext) => Promise<Response>;

async function parseRequest<P, Q, B>(
  request: Request,
  context: NextContext,
  options: RouteOptions<P, Q, B>,
  viaToken = false,
) {
  if (changesState(request.method) && !viaToken) assertSameOrigin(request);
  const params = options.params
    ? parseInput(options.params as unknown as Schema, (await context.params) ?? {})
    : undefined;
  let query: unknown;
  if (options.query) {
    const search = new URL(request.url).searchParams;
    const parsed = (options.query as unknown as Schema).safeParse(
      (options.queryObject ?? searchParamsToObject)(search),
    );
    if (!parsed.success) throw validationFailed(parsed.error, 'Some query parameters are invalid.');
    query = parsed.data;
  }
  const body = options.body
    ? parseInput(options.body as unknown as Schema, await readJsonBody(request, { optional: options.bodyOptional }))
    : undefined;
  return { request, params, query, body } as { request: Request; params: Out<P>; query: Out<Q>; body: Out<B> };
}

function schemasOf<P, Q, B>(options: RouteOptions<P, Q, B>) {
  return {
    params: options.params as Schema | undefined,
    query: options.query as Schema | undefined,
    body: options.body as Schema | undefined,
    bodyOptional: options.bodyOptional,
    note: options.note,
  };
}

function answer(result: unknown): Response {
  return result instanceof Response ? result : jsonOk(result);
}

async function sessionActor(duringSecondFactorSetup = false): Promise<Actor> {
  const signedIn = await signedInSession();
  if (!signedIn) throw signInFirst();
  // Someone whose role requires a second factor may only set one up until they have.
  if (!duringSecondFactorSetup) await assertSecondFactorSetUp(signedIn.user);
  return actorOf(signedIn);
}

/** The Actor of an API token's request; null when the request has no Bearer header. */
async function bearerActor(request: Request): Promise<Actor | null> {
  const token = bearerTokenOf(request.headers.get('authorization'));
  if (token === null) return null;
  if (token === '') throw invalidToken();
  const check = await authenticateApiToken(token, requestInfoFromHeaders(request.headers).ipAddress);
  if (check.token.scope === 'read' && changesState(request.method))
    throw new AppError('forbidden', 'This API token may only read (its scope is "read").');
  // A token made before the role required a second factor (or before an admin reset it) waits for
  // the set-up too: "nothing else until they have" holds for every way in.
  await assertSecondFactorSetUp(check.user);
  return tokenActorOf(check, request);
}

/** A JSON route for signed-in users (any role unless `roles` narrows it): 401 signed out, 403 for another role. */
export function route<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(
  options: RouteOptions<P, Q, B> & { roles?: readonly UserRole[]; duringSecondFactorSetup?: boolean },
  handler: (args: RouteArgs<P, Q, B> & { actor: Actor }) => Promise<unknown>,
): Handler {
  const handle: Handler = async (request, context) => {
    try {
      const tokenActor = await bearerActor(request);
      const parsed = await parseRequest(request, context, options, tokenActor !== null);
      const actor = tokenActor ?? (await sessionActor(options.duringSecondFactorSetup));
      if (options.roles && !options.roles.includes(actor.role)) {
        throw new AppError('forbidden', 'You do not have permission to do that.');
      }
      return answer(await handler({ ...parsed, actor, ...(await databaseTools()) }));
    } catch (error) {
      return jsonError(error);
    } finally {
      // As for server actions: the caller's next read sees their change.
      if (changesState(request.method)) changesCommitted();
    }
  };
  return describeHandler(handle, { access: 'signed-in', ...schemasOf(options), roles: options.roles });
}

/** A JSON route anyone may call (sign-in, sign-out): the handler decides everything itself. */
export function publicRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(options: RouteOptions<P, Q, B>, handler: (args: RouteArgs<P, Q, B>) => Promise<unknown>): Handler {
  const handle: Handler = async (request, context) => {
    try {
      const parsed = await parseRequest(request, context, options);
      return answer(await handler({ ...parsed, ...(await databaseTools()) }));
    } catch (error) {
      return jsonError(error);
    }
  };
  return describeHandler(handle, { access: 'public', ...schemasOf(options) });
}

const routeMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
type RouteMethod = (typeof routeMethods)[number];

/**
 * The methods a route file does not handle: 405 in the one error body with Allow, where Next.js
 * would answer an empty 405, and OPTIONS listing what the file does handle. Each route file
 * exports the rest: `export const { POST, PUT, DELETE, OPTIONS } = otherMethods('GET', 'PATCH');`
 */
export function otherMethods<Handled extends RouteMethod>(
  ...handled: Handled[]
): Record<Exclude<RouteMethod, Handled> | 'OPTIONS', () => Response> {
  const allowed = routeMethods.filter((method) => (handled as RouteMethod[]).includes(method));
  const allow = [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const refuse = markRefusal(() => {
    const response = jsonError(methodNotAllowed(allow));
    response.headers.set('Allow', allow);
    return response;
  });
  const others = routeMethods.filter((method) => !allowed.includes(method));
  return Object.fromEntries([
    ...others.map((method) => [method, refuse]),
    ['OPTIONS', () => new Response(null, { status: 204, headers: { Allow: allow } })],
  ]) as Record<Exclude<RouteMethod, Handled> | 'OPTIONS', () => Response>;
}
