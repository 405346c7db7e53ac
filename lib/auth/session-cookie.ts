import { serialize, type SerializeOptions } from 'cookie';
import type { AppConfig } from '../config';

// The session cookie's name and attributes, how it is read from a Cookie header, and how it is
// written as a Set-Cookie header. No secrets here: sealing is lib/auth/session-seal.ts.

export const sessionCookieName = 'ticketing_session';

export type CookieOptions = { httpOnly: true; sameSite: 'lax'; path: string; secure: boolean; maxAge?: number };

/** A cookie to send back: set (re-sealed or new) or cleared (empty value, Max-Age 0). */
export type SessionCookie = { name: typeof sessionCookieName; value: string; options: CookieOptions };

/**
 * Every value the browser sent under our name, in the order sent. A browser sends one per path that
 * matches, most specific path first: an app under /it/ may also receive another app's cookie of the
 * same name set for /, so readers try each value rather than trusting the first or the last.
 */
export function sessionCookieValues(header: string | null | undefined): string[] {
  const values: string[] = [];
  if (!header) return values;
  // A scan rather than a full parse: this runs on every request, and the header may be long.
  const prefix = `${sessionCookieName}=`;
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

export function isSecureRequest(config: AppConfig, protocol: string): boolean {
  if (config.cookieSecure === 'always') return true;
  if (config.cookieSecure === 'never') return false;
  return protocol === 'https';
}

/** "Remember me" sessions get Max-Age for their remaining lifetime; others are browser-session cookies. */
export function sessionCookie(
  config: AppConfig,
  protocol: string,
  value: string,
  persistent: boolean,
  expiresAt: number,
): SessionCookie {
  const options: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    path: config.basePath || '/',
    secure: isSecureRequest(config, protocol),
  };
  if (persistent) options.maxAge = Math.max(expiresAt - Math.floor(Date.now() / 1000), 0);
  return { name: sessionCookieName, value, options };
}

export function clearedSessionCookie(config: AppConfig, protocol: string): SessionCookie {
  const cleared = sessionCookie(config, protocol, '', false, 0);
  return { ...cleared, options: { ...cleared.options, maxAge: 0 } };
}

/** The Set-Cookie header value, for the places that write headers themselves (middleware, the server's own routes). */
export function serializeSessionCookie({ name, value, options }: SessionCookie, now = Date.now()): string {
  const attributes: SerializeOptions = { ...options };
  if (options.maxAge) attributes.expires = new Date(now + options.maxAge * 1000);
  return serialize(name, value, attributes);
}

/** The sign-in step between password and code (lib/auth/session-seal.ts's challenge); it opens nothing. */
export const challengeCookieName = 'ticketing_sign_in';

export type ChallengeCookie = { name: typeof challengeCookieName; value: string; options: CookieOptions };

export function challengeCookie(config: AppConfig, protocol: string, value: string, maxAge: number): ChallengeCookie {
  const options: CookieOptions = {
    httpOnly: true,
    sameSite: 'lax',
    path: config.basePath || '/',
    secure: isSecureRequest(config, protocol),
    maxAge,
  };
  return { name: challengeCookieName, value, options };
}

/** The challenge cookie's value from a Cookie header (one of ours at most: it is short-lived). */
export function challengeCookieValue(header: string | null | undefined): string | null {
  const match = header?.match(/(?:^|[;\s])ticketing_sign_in=([^;]*)/);
  return match ? match[1].trim() : null;
}
