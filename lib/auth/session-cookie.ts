import 'server-only';
import { sealData, unsealData } from 'iron-session';
import { z } from 'zod';
import type { AppConfig } from '../config';
import { sha256 } from '../crypto/sha256';
import { cookieValues } from '../http/cookie-header';

export const sessionCookieName = 'ticketing_session';
// Browsers cap a cookie near 4 KB; anything longer was not made by us.
const maxCookieLength = 4096;

/** What the cookie carries: ids and times only, never a role or other user data. */
const payloadSchema = z.object({
  sid: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  uid: z.uuid(),
  iat: z.number().int(),
  exp: z.number().int(),
  persistent: z.boolean(),
});
export type SessionCookiePayload = z.infer<typeof payloadSchema>;

// iron-session seals with the numerically highest password id and writes that id into the seal.
// A fingerprint of each secret is a stable id: adding, reordering or dropping secrets never makes
// a still-listed secret unreadable.
function secretId(secret: string): number {
  return Number.parseInt(sha256(secret, 'hex').slice(0, 12), 16);
}

function unsealPasswords(secrets: string[]): Record<number, string> {
  return Object.fromEntries(secrets.map((secret) => [secretId(secret), secret]));
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function sealSessionCookie(
  payload: Omit<SessionCookiePayload, 'iat'>,
  secrets: string[],
): Promise<string> {
  const iat = nowSeconds();
  // The seal itself expires with the session; iron-session would otherwise default to 14 days.
  const ttl = Math.max(payload.exp - iat, 1);
  return sealData({ ...payload, iat } satisfies SessionCookiePayload, {
    password: { [secretId(secrets[0])]: secrets[0] },
    ttl,
  });
}

export type UnsealedSession = { payload: SessionCookiePayload; sealedWithCurrentSecret: boolean };

// Unsealing is several WebCrypto calls, and middleware and the data layer both need it on every
// request. A seal that verified once is the same seal forever (its HMAC covers every byte), so
// verified seals are remembered per process, bounded; expiry is still checked on every use. Only
// seals that verified are stored, so garbage cannot fill it. An entry is keyed by the SHA-256 of
// the seal rather than the seal itself: a seal is about 450 characters, 9 MB for 20,000 entries.
//
// In front of that, the last few hundred whole Cookie headers that led to a verified seal: a
// browser or script sends the same header on every request, and finding it here costs neither
// parsing the header nor hashing the seal (BENCHMARKS.md, section 1). Small on purpose: it holds
// the header itself, so it serves the sessions active right now and no more.
const rememberedKey = Symbol.for('it-assets-manager.unsealed-cookies');
const maxRemembered = 20_000;
const maxRememberedHeaders = 500;
const maxRememberedHeaderLength = 2048;

type Remembered = { seals: Map<string, UnsealedSession>; headers: Map<string, UnsealedSession> };

// The same seal may verify under one list of secrets and not another: one cache per list.
function remembered(secrets: string[]): Remembered {
  const holder = globalThis as { [rememberedKey]?: Map<string, Remembered> };
  const byList = (holder[rememberedKey] ??= new Map());
  const listKey = secretListKey(secrets);
  let forList = byList.get(listKey);
  if (!forList) byList.set(listKey, (forList = { seals: new Map(), headers: new Map() }));
  return forList;
}

const listKeys = new WeakMap<string[], string>();
function secretListKey(secrets: string[]): string {
  let key = listKeys.get(secrets);
  if (!key) listKeys.set(secrets, (key = secrets.map(secretId).join(',')));
  return key;
}

const sealDigest = (value: string) => sha256(value, 'base64url');

const looksLikeSeal = (value: string) => value.length > 0 && value.length <= maxCookieLength && value.startsWith('Fe26.2*');

const isLive = (unsealed: UnsealedSession) => unsealed.payload.exp > nowSeconds();

// Bounded maps drop their oldest entry: Maps iterate in insertion order.
function rememberBounded(map: Map<string, UnsealedSession>, key: string, value: UnsealedSession, bound: number): void {
  if (map.size >= bound) map.delete(map.keys().next().value!);
  map.set(key, value);
}

// null: not a seal, or remembered and expired since; undefined: a seal not verified yet.
function rememberedSeal(value: string, secrets: string[]): UnsealedSession | null | undefined {
  if (!looksLikeSeal(value)) return null;
  const { seals } = remembered(secrets);
  const cacheKey = sealDigest(value);
  const known = seals.get(cacheKey);
  if (!known) return undefined;
  if (isLive(known)) return known;
  seals.delete(cacheKey);
  return null;
}

/** Any malformed, foreign, tampered, truncated or expired value yields null: "not logged in". */
export async function unsealSessionCookie(value: string | undefined, secrets: string[]): Promise<UnsealedSession | null> {
  if (!value) return null;
  const known = rememberedSeal(value, secrets);
  if (known !== undefined) return known;
  const unsealed = await unsealVerified(value, secrets);
  if (unsealed) rememberBounded(remembered(secrets).seals, sealDigest(value), unsealed, maxRemembered);
  return unsealed;
}

// A header remembered with the live seal it led to; undefined when it is not remembered.
function rememberedHeader(header: string, secrets: string[]): UnsealedSession | undefined {
  if (header.length > maxRememberedHeaderLength) return undefined;
  const { headers } = remembered(secrets);
  const known = headers.get(header);
  if (!known) return undefined;
  if (isLive(known)) return known;
  headers.delete(header);
  return undefined;
}

function rememberHeader(header: string, unsealed: UnsealedSession, secrets: string[]): void {
  if (header.length <= maxRememberedHeaderLength) rememberBounded(remembered(secrets).headers, header, unsealed, maxRememberedHeaders);
}

/**
 * unsealSessionCookieHeader's answer from remembered headers and seals alone, so without waiting
 * for anything; undefined when a seal must be verified first.
 */
export function rememberedSessionCookie(header: string | null | undefined, secrets: string[]): UnsealedSession | null | undefined {
  if (!header) return null;
  const known = rememberedHeader(header, secrets);
  if (known) return known;
  for (const value of cookieValues(header, sessionCookieName)) {
    const seal = rememberedSeal(value, secrets);
    if (seal === undefined) return undefined;
    if (seal) {
      rememberHeader(header, seal, secrets);
      return seal;
    }
  }
  return null;
}

/**
 * The session of a Cookie header: the first value of our name (see cookieValues) that unseals;
 * null when none does.
 */
export async function unsealSessionCookieHeader(header: string | null | undefined, secrets: string[]): Promise<UnsealedSession | null> {
  if (!header) return null;
  const known = rememberedHeader(header, secrets);
  if (known) return known;
  for (const value of cookieValues(header, sessionCookieName)) {
    const unsealed = await unsealSessionCookie(value, secrets);
    if (unsealed) {
      rememberHeader(header, unsealed, secrets);
      return unsealed;
    }
  }
  return null;
}

async function unsealVerified(value: string, secrets: string[]): Promise<UnsealedSession | null> {
  try {
    const data = await unsealData<Record<string, unknown>>(value, {
      password: unsealPasswords(secrets),
      ttl: 366 * 24 * 3600, // bounds the seal check only; the payload's own exp is checked below
    });
    const parsed = payloadSchema.safeParse(data);
    if (!parsed.success || parsed.data.exp <= nowSeconds()) return null;
    return {
      payload: parsed.data,
      sealedWithCurrentSecret: value.split('*')[1] === String(secretId(secrets[0])),
    };
  } catch {
    return null;
  }
}

export type CookieAttributes = {
  httpOnly: true;
  sameSite: 'lax';
  path: string;
  secure: boolean;
  maxAge?: number;
};

export function isSecureRequest(config: AppConfig, protocol: string): boolean {
  if (config.cookieSecure === 'always') return true;
  if (config.cookieSecure === 'never') return false;
  return protocol === 'https';
}

/** "Remember me" sessions get Max-Age for their remaining lifetime; others are browser-session cookies. */
export function sessionCookieAttributes(
  config: AppConfig,
  options: { protocol: string; persistent: boolean; expiresAt?: number },
): CookieAttributes {
  const attributes: CookieAttributes = {
    httpOnly: true,
    sameSite: 'lax',
    path: config.basePath || '/',
    secure: isSecureRequest(config, options.protocol),
  };
  if (options.persistent && options.expiresAt) attributes.maxAge = Math.max(options.expiresAt - nowSeconds(), 0);
  return attributes;
}

export function clearedCookieAttributes(config: AppConfig, protocol: string): CookieAttributes {
  return { ...sessionCookieAttributes(config, { protocol, persistent: false }), maxAge: 0 };
}
