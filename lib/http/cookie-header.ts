import type { CookieAttributes } from '../auth/session-cookie';

// The Cookie header read, and Set-Cookie written, the same way everywhere: in middleware, in the
// data layer and in the custom server's own routes (server/direct-routes.ts).

/**
 * Every value the browser sent under `name`, in the order sent. A browser sends one per path that
 * matches, most specific path first: an app under /it/ may also receive another app's cookie of the
 * same name set for /, so readers try each value rather than trusting the first or the last.
 */
export function cookieValues(header: string | null | undefined, name: string): string[] {
  const values: string[] = [];
  if (!header) return values;
  // A scan rather than split-and-parse: this runs on every request, and the header may be long.
  const prefix = `${name}=`;
  for (let at = header.indexOf(prefix); at !== -1; at = header.indexOf(prefix, at + prefix.length)) {
    if (at > 0 && !/[;\s]/.test(header[at - 1])) continue; // "other_ticketing_session=…"
    const end = header.indexOf(';', at);
    const raw = header.slice(at + prefix.length, end === -1 ? undefined : end).trim();
    if (!raw.includes('%')) {
      values.push(raw);
      continue;
    }
    try {
      values.push(decodeURIComponent(raw));
    } catch {
      // A value that is not valid percent-encoding was not written by us: not a candidate.
    }
  }
  return values;
}

/** A Set-Cookie value in the form Next.js writes: the value percent-encoded, Expires beside Max-Age. */
export function serializeSetCookie(name: string, value: string, attributes: CookieAttributes, now = Date.now()): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${attributes.path}`];
  if (attributes.maxAge !== undefined) {
    if (attributes.maxAge > 0) parts.push(`Expires=${new Date(now + attributes.maxAge * 1000).toUTCString()}`);
    parts.push(`Max-Age=${attributes.maxAge}`);
  }
  if (attributes.secure) parts.push('Secure');
  parts.push('HttpOnly', `SameSite=${attributes.sameSite}`);
  return parts.join('; ');
}
