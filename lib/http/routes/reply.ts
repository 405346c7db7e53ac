import { errorReply } from '../error-reply';
import { jsonContentSecurityPolicy } from '../security-headers';

// An answer of a JSON route that needs no Next.js, so that the custom server can give it on its own
// (server/direct-routes.ts) as well as through the route file under app/api/: one implementation,
// two mounts.
export type PlainReply = { status: number; json: string; headers: Record<string, string>; setCookie?: string };

const noStore = { 'Cache-Control': 'no-store', 'Content-Security-Policy': jsonContentSecurityPolicy };

export function plainJson(status: number, body: unknown, setCookie?: string): PlainReply {
  return { status, json: JSON.stringify(body), headers: noStore, setCookie };
}

export function plainError(error: unknown, setCookie?: string): PlainReply {
  const { status, headers, body } = errorReply(error);
  return { status, json: JSON.stringify(body), headers, setCookie };
}

/** The same answer as a Web Response, for the route files under app/api/. */
export function plainResponse(reply: PlainReply): Response {
  const headers = new Headers({ ...reply.headers, 'Content-Type': 'application/json' });
  if (reply.setCookie) headers.append('Set-Cookie', reply.setCookie);
  return new Response(reply.json, { status: reply.status, headers });
}
