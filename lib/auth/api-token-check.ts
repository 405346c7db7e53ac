import 'server-only';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import { getConfig } from '../config';
import { getDb, type Database, type Executor } from '../db/client';
import { users } from '../db/schema';
import { apiTokenAddresses, apiTokens } from '../db/schema-tokens';
import { AppError } from '../errors';
import { log } from '../log';
import { sessionUserColumns } from '../users/queries';
import { countTokenRequest, takeFromClaim } from './api-rate-limit';
import {
  isKnownTokenAddress,
  recallTokenCheck,
  rememberTokenAddress,
  rememberTokenCheck,
  type TokenCheck,
} from './api-token-cache';
import { hashApiToken, usualAuthorization } from './api-token-format';
import { sharedSessionUser } from './session-cache';

// Turns a bearer token into who it acts as, for the boundary (lib/boundary/) and the server's own
// /api/auth/me. The database is the authority: the token exists, is not revoked or expired, and
// its user is active, with the user's role as it is now. Every request is also counted against the
// token's rate limit, and its first use from an address is audited.

export type { TokenCheck };

// last_used_at is written at most this often per token, so a busy script's reads stay reads.
const lastUsedWriteIntervalMs = 60_000;

export function invalidToken(): AppError {
  return new AppError('unauthenticated', 'This API token is not valid: it is unknown, revoked or expired.');
}

function rateLimited(retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', `Too many requests with this API token. Try again in ${retryAfterSeconds} s.`, {
    retryAfterSeconds,
  });
}

/** The live token with its active user, straight from the database (and last use noted, at most once a minute). */
export async function findLiveApiToken(
  executor: Executor,
  token: string,
  ipAddress: string,
): Promise<TokenCheck | null> {
  const [row] = await executor
    .select({
      id: apiTokens.id,
      scope: apiTokens.scope,
      prefix: apiTokens.prefix,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      user: sessionUserColumns,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiToken(token)),
        isNull(apiTokens.revokedAt),
        gt(apiTokens.expiresAt, sql`now()`),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > lastUsedWriteIntervalMs) {
    await executor
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()`, lastUsedIp: ipAddress })
      .where(eq(apiTokens.id, row.id));
  }
  return {
    token: { id: row.id, scope: row.scope, prefix: row.prefix, expiresAt: row.expiresAt },
    user: sharedSessionUser(row.user),
  };
}

/** Records the address once per token; the first use from it is audited, in the same transaction. */
async function noteAddress(db: Database, check: TokenCheck, ipAddress: string): Promise<void> {
  const added = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokenAddresses)
      .values({ tokenId: check.token.id, ipAddress })
      .onConflictDoNothing()
      .returning({ tokenId: apiTokenAddresses.tokenId });
    if (!row) return false;
    await recordAudit(
      tx,
      { id: check.user.id, username: check.user.username, ipAddress, apiToken: { id: check.token.id } },
      {
        action: 'api_token.new_address',
        target: { type: 'api_token', id: check.token.id },
        details: { prefix: check.token.prefix, address: ipAddress },
      },
    );
    return true;
  });
  rememberTokenAddress(check.token.id, ipAddress);
  // Requests that raced to the same new address wrote nothing: only the one that added it says so.
  if (added) log.info('api_token.new_address', { tokenId: check.token.id, prefix: check.token.prefix, ip: ipAddress });
}

/**
 * The remembered check for a request's Authorization header, when it is a token's usual header
 * (`Bearer <token>`), this process checked that token within SESSION_CHECK_CACHE, its address is
 * known and a request of the rate limit is at hand: everything a request needs, without parsing or
 * waiting. Undefined sends the caller to authenticateApiToken.
 */
export function recentApiToken(authorization: string, ipAddress: string): TokenCheck | undefined {
  const check = recallTokenCheck(authorization);
  if (!check || !isKnownTokenAddress(check.token.id, ipAddress)) return undefined;
  return takeFromClaim(check.token.id) ? check : undefined;
}

/** Who `token` acts as; 401 for a token that is not valid, 429 past API_RATE_LIMIT (with Retry-After). */
export async function authenticateApiToken(token: string, ipAddress: string): Promise<TokenCheck> {
  const config = getConfig();
  const db = await getDb();
  let check = recallTokenCheck(usualAuthorization(token));
  if (!check) {
    const checkedAt = Date.now();
    check = (await findLiveApiToken(db, token, ipAddress)) ?? undefined;
    if (!check) throw invalidToken();
    rememberTokenCheck(token, check, config.session.checkCacheMs, checkedAt);
  }
  const retryAfter = await countTokenRequest(db, check.token.id, config.apiRateLimitPerMinute);
  if (retryAfter > 0) throw rateLimited(retryAfter);
  if (!isKnownTokenAddress(check.token.id, ipAddress)) await noteAddress(db, check, ipAddress);
  return check;
}
