import 'server-only';
import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { isAdmin, type Actor } from '../actor';
import type { Executor } from '../db/client';
import { readPage } from '../db/page';
import { auditLog, users } from '../db/schema';
import { escapeLike } from '../db/text-search';
import { AppError } from '../errors';
import { offsetOf, paginationSchema, type Page } from '../list-params';
import { dateField, parseInput, singleLineText } from '../validation';

export const auditListSchema = paginationSchema.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  // "auth." (ending in a dot) matches every action under it; anything else matches exactly.
  action: singleLineText().max(100).optional(),
  actor: singleLineText().max(100).optional(),
  targetType: singleLineText().max(100).optional(),
  targetId: singleLineText().max(200).optional(),
  from: dateField().optional(),
  to: dateField().optional(),
});
export type AuditListParams = z.output<typeof auditListSchema>;

export type AuditEntryView = {
  id: number;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ipAddress: string | null;
  details: Record<string, unknown> | null;
};

const entryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorId: auditLog.actorId,
  actorUsername: auditLog.actorUsername,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  ipAddress: auditLog.ipAddress,
  details: auditLog.details,
};

async function conditionsFor(executor: Executor, params: AuditListParams): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (params.action) {
    // An exact action walks audit_log_action_at_idx in time order; a prefix walks audit_log_at_idx.
    conditions.push(
      params.action.endsWith('.')
        ? like(auditLog.action, `${escapeLike(params.action)}%`)
        : eq(auditLog.action, params.action),
    );
  }
  if (params.actor) {
    const [actor] = await executor
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.username})`, params.actor.toLowerCase()))
      .limit(1);
    // A known user is found through audit_log_actor_at_idx; rows with no user (a sign-in
    // attempt under an unknown name) only by the username they recorded.
    conditions.push(
      actor ? eq(auditLog.actorId, actor.id) : eq(sql`lower(${auditLog.actorUsername})`, params.actor.toLowerCase()),
    );
  }
  if (params.targetType) conditions.push(eq(auditLog.targetType, params.targetType));
  if (params.targetId) conditions.push(eq(auditLog.targetId, params.targetId));
  if (params.from) conditions.push(gte(auditLog.at, sql`(${params.from}::date)::timestamp at time zone 'UTC'`));
  if (params.to) conditions.push(lt(auditLog.at, sql`(${params.to}::date + 1)::timestamp at time zone 'UTC'`));
  return conditions;
}

/** The audit log, newest first, for admins only. */
export async function listAuditEntries(
  executor: Executor,
  actor: Actor,
  input: AuditListParams,
): Promise<Page<AuditEntryView>> {
  if (!isAdmin(actor)) throw new AppError('not_found', 'Not found.');
  // Checked again here: a filter PostgreSQL cannot read (a NUL, 2026-02-30) must be a message, not a failed query.
  const params = parseInput(auditListSchema, input);
  const conditions = await conditionsFor(executor, params);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  return readPage(
    params,
    executor
      .select(entryColumns)
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    executor.$count(auditLog, where),
  );
}
