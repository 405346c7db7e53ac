import { randomBytes } from 'node:crypto';
import { sha256 } from '../crypto/sha256';

// What a personal access token looks like: `iam_pat_` (so logs and secret scanners can tell it
// apart), a 12-hex public id (shown in lists and logs, never enough to use the token), `_`, and
// 43 characters of base64url: 256 random bits. Only the SHA-256 of the whole text is stored.

export const apiTokenMarker = 'iam_pat_';
const tokenPattern = /^iam_pat_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

export type NewApiTokenText = { token: string; prefix: string; hash: string };

export function newApiTokenText(): NewApiTokenText {
  const prefix = `${apiTokenMarker}${randomBytes(6).toString('hex')}`;
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, hash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return sha256(token, 'hex');
}

/** Whether `text` is shaped like one of our tokens (checked before any hashing or database work). */
export function isApiTokenText(text: string): boolean {
  return tokenPattern.test(text);
}

/** The token's non-secret start, for a log line about a token that may not even be ours. */
export function apiTokenPrefixOf(text: string): string | null {
  const match = tokenPattern.exec(text);
  return match ? `${apiTokenMarker}${match[1]}` : null;
}

const usualScheme = 'Bearer ';

/**
 * The usual header of a token, `Bearer <token>`: the key its check is kept under
 * (api-token-cache.ts), so that the server's hot path looks the header up as it came, uncut.
 */
export function usualAuthorization(token: string): string {
  return `${usualScheme}${token}`;
}

/**
 * The token of an `Authorization: Bearer …` header; null without such a header. A Bearer header
 * whose value is not shaped like a token gives '' (present, and refused).
 */
export function bearerTokenOf(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const match = /^Bearer(?:[ \t]+(.*))?$/i.exec(authorization);
  if (!match) return null;
  const value = (match[1] ?? '').trim();
  return isApiTokenText(value) ? value : '';
}
