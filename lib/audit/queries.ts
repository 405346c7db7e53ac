import 'server-only';
import { and, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { isAdmin, type Actor } from '../actor';
import type { Executor } from '../db/client';
import { readPage } from '../db/page';
import { auditLog } from '../db/schema';
import { escapeLike } from '../db/text-search';
import { AppError } from '../errors';
import { offsetOf, paginationSchema, type Page } from '../list-params';
import { dateField, isUuid, parseInput, singleLineText } from '../validation';
import { lookUpAuditNames } from './audit-names';
import { describeEntryAction, describeTarget, personName, type AuditTarget } from './describe-audit';
import { describeDetails } from './describe-details';
import { recordsNamed, type NamedRecord } from './reference-search';

export const auditListSchema = paginationSchema
  .extend({
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
    // Chosen from a list; "auth." (ending in a dot) is every action of an area, anything else one action.
    action: singleLineText().max(100).optional(),
    person: singleLineText().refine(isUuid, 'Choose a person from the list.').optional(),
    kind: singleLineText().max(50).optional(),
    // A reference, tag, license name or username: "T-1001", "A-00042".
    q: singleLineText().max(200).optional(),
    from: dateField().optional(),
    to: dateField().optional(),
    // One bulk change: its items' rows carry its id (lib/audit/batch.ts).
    batch: z.uuid('batch is the id of a bulk change.').optional(),
  })
  .superRefine((params, context) => {
    if (params.from && params.to && params.to < params.from)
      context.addIssue({ code: 'custom', path: ['to'], message: `Choose a day on or after ${params.from}.` });
  });
export type AuditListParams = z.output<typeof auditListSchema>;

/** One row of the log as an admin reads it: names and words, never the stored details themselves. */
export type AuditEntryView = {
  id: number;
  at: Date;
  action: string;
  /** The action in words, e.g. "Checked out". */
  actionWords: string;
  /** Who did it: `id` is set while they are a user; null when nobody was signed in (a script, the mail). */
  actor: { id: string | null; name: string } | null;
  target: AuditTarget | null;
  /** The safe parts of the details in one line (which fields changed, to whom), or null. */
  summary: string | null;
  ipAddress: string | null;
};

export type AuditPage = Page<AuditEntryView> & {
  /** For a search: the records it names (none: nothing goes by that name). */
  searched: NamedRecord[] | null;
};

// Each condition walks an index where one exists: an action audit_log_action_at_idx, a person
// audit_log_actor_at_idx, a record audit_log_target_idx, a date range audit_log_at_idx.
function conditionsFor(params: AuditListParams, searched: NamedRecord[] | null): SQL[] {
  const conditions: SQL[] = [];
  if (params.action)
    conditions.push(
      params.action.endsWith('.')
        ? like(auditLog.action, `${escapeLike(params.action)}%`)
        : eq(auditLog.action, params.action),
    );
  if (params.person) conditions.push(eq(auditLog.actorId, params.person));
  // Both parts, so the partial index audit_log_batch_idx applies.
  if (params.batch)
    conditions.push(sql`${auditLog.details} ? 'batchId' and ${auditLog.details}->>'batchId' = ${params.batch}`);
  if (params.kind) conditions.push(eq(auditLog.targetType, params.kind));
  if (searched) {
    const kinds = [...new Set(searched.map((found) => found.kind))];
    const matches = kinds.map((kind) =>
      and(
        eq(auditLog.targetType, kind),
        inArray(
          auditLog.targetId,
          searched.filter((found) => found.kind === kind).map((found) => found.id),
        ),
      ),
    );
    conditions.push(matches.length > 0 ? (or(...matches) as SQL) : sql`false`);
  }
  if (params.from) conditions.push(gte(auditLog.at, sql`(${params.from}::date)::timestamp at time zone 'UTC'`));
  if (params.to) conditions.push(lt(auditLog.at, sql`(${params.to}::date + 1)::timestamp at time zone 'UTC'`));
  return conditions;
}

/** The audit log, newest first, for admins only, with every record and person named. */
export async function listAuditEntries(executor: Executor, actor: Actor, input: AuditListParams): Promise<AuditPage> {
  if (!isAdmin(actor)) throw new AppError('not_found', 'Not found.');
  // Checked again here: a filter PostgreSQL cannot read (a NUL, 2026-02-30) must be a message, not a failed query.
  const params = parseInput(auditListSchema, input);
  const searched = params.q ? await recordsNamed(executor, params.q) : null;
  const conditions = conditionsFor(params, searched);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const page = await readPage(
    params,
    executor
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: auditLog.actorId,
        actorUsername: auditLog.actorUsername,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        ipAddress: auditLog.ipAddress,
        details: auditLog.details,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(params.pageSize)
      .offset(offsetOf(params)),
    executor.$count(auditLog, where),
  );
  const names = await lookUpAuditNames(executor, page.items);
  const items = page.items.map((row): AuditEntryView => {
    const actorUser = row.actorId ? names.users.get(row.actorId) : undefined;
    return {
      id: row.id,
      at: row.at,
      action: row.action,
      actionWords: describeEntryAction(row.action, row.details),
      actor: actorUser
        ? { id: row.actorId, name: personName(actorUser) }
        : row.actorUsername
          ? { id: null, name: row.actorUsername }
          : null,
      target: describeTarget(row.targetType, row.targetId, row.details, names),
      summary: describeDetails(row.action, row.details, names),
      ipAddress: row.ipAddress,
    };
  });
  return { ...page, items, searched };
}
