import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { isAdmin, type Actor } from '../actor';
import { auditFor } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { users } from '../db/schema';
import { apiTokens, type ApiTokenScope } from '../db/schema-tokens';
import { AppError } from '../errors';
import { log } from '../log';
import { isUuid, parseInput } from '../validation';
import { forgetRateClaims } from './api-rate-limit';
import { refuseApiToken } from './signed-in-only';
import { forgetTokenChecks } from './api-token-cache';
import { newApiTokenText } from './api-token-format';
import { newApiTokenSchema, type NewApiTokenInput } from './api-token-schemas';

// Personal access tokens: a user makes, lists and revokes their own; an admin sees and revokes
// everyone's. Each creation and revocation is audited in the caller's transaction.

const auditToken = auditFor('api_token', (token: { name: string; prefix: string }) => ({
  name: token.name,
  prefix: token.prefix,
}));

export type ApiTokenSummary = {
  id: string;
  name: string;
  scope: ApiTokenScope;
  prefix: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  owner: { id: string; username: string };
};

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  prefix: apiTokens.prefix,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  lastUsedIp: apiTokens.lastUsedIp,
};
const summaryColumns = {
  ...tokenColumns,
  ownerId: users.id,
  ownerUsername: users.username,
};

type SummaryRow = Omit<ApiTokenSummary, 'owner'> & { ownerId: string; ownerUsername: string };
const toSummary = ({ ownerId, ownerUsername, ...token }: SummaryRow): ApiTokenSummary => ({
  ...token,
  owner: { id: ownerId, username: ownerUsername },
});

/** Makes a token for the actor; the token text is in the answer only, never stored or logged. */
export async function createApiToken(
  tx: Transaction,
  actor: Actor,
  input: NewApiTokenInput,
): Promise<ApiTokenSummary & { token: string }> {
  refuseApiToken(actor, 'create API tokens');
  const parsed = parseInput(newApiTokenSchema, input);
  const { token, prefix, hash } = newApiTokenText();
  const [created] = await tx
    .insert(apiTokens)
    .values({
      userId: actor.id,
      name: parsed.name,
      scope: parsed.scope,
      prefix,
      tokenHash: hash,
      expiresAt: sql`now() + make_interval(days => ${parsed.expiresInDays})`,
    })
    .returning(tokenColumns);
  await auditToken(tx, actor, 'api_token.create', created, {
    scope: created.scope,
    expiresAt: created.expiresAt.toISOString(),
  });
  log.info('api_token.created', { tokenId: created.id, prefix, userId: actor.id });
  return {
    ...created,
    owner: { id: actor.id, username: actor.username },
    token,
  };
}

/**
 * Tokens not revoked (expired ones too, until revoked, so their owner sees why a script stopped):
 * the actor's own, or with `all` every user's, for admins only.
 */
export async function listApiTokens(
  executor: Executor,
  actor: Actor,
  options: { all?: boolean } = {},
): Promise<ApiTokenSummary[]> {
  if (options.all && !isAdmin(actor)) throw new AppError('forbidden', 'Only admins see every API token.');
  const live = isNull(apiTokens.revokedAt);
  const rows = await executor
    .select(summaryColumns)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(options.all ? live : and(live, eq(apiTokens.userId, actor.id)))
    .orderBy(...(options.all ? [asc(users.username)] : []), desc(apiTokens.createdAt));
  return rows.map(toSummary);
}

/** Revokes a token: its owner's, or any for an admin; "not found" for anything else or one already revoked. */
export async function revokeApiToken(tx: Transaction, actor: Actor, input: { tokenId: string }): Promise<void> {
  const notFound = new AppError('not_found', 'No such API token, or it is already revoked.');
  if (!isUuid(input.tokenId)) throw notFound;
  const mine = eq(apiTokens.userId, actor.id);
  const [revoked] = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, input.tokenId), isNull(apiTokens.revokedAt), isAdmin(actor) ? undefined : mine))
    .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, userId: apiTokens.userId });
  if (!revoked) throw notFound;
  await auditToken(tx, actor, 'api_token.revoke', revoked, { ownerId: revoked.userId });
  // This process stops accepting it at once; the others within SESSION_CHECK_CACHE.
  forgetTokenChecks({ tokenId: revoked.id });
  forgetRateClaims(revoked.id);
  log.info('api_token.revoked', { tokenId: revoked.id, prefix: revoked.prefix, by: actor.id });
}

/**
 * Revokes every live token of a user who is being disabled, in that change's transaction, so
 * enabling the account again does not bring old tokens back with it. Returns how many.
 */
export async function revokeUserApiTokens(tx: Transaction, userId: string): Promise<number> {
  const revoked = await tx
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  for (const { id } of revoked) {
    forgetTokenChecks({ tokenId: id });
    forgetRateClaims(id);
  }
  return revoked.length;
}
