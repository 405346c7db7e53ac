import 'server-only';
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { staffRoles, type Actor } from '../actor';
import { withAuditBatch } from '../audit/batch';
import type { Database, Transaction } from '../db/client';
import { auditLog } from '../db/schema';
import { bulkChangeItems, bulkChanges, type BulkItemOutcome } from '../db/schema-bulk';
import { AppError, isAppError } from '../errors';
import { enqueueJob } from '../jobs/queue';
import { queues } from '../jobs/queues';
import { describeError, log } from '../log';
import type { BulkAction } from './action';
import { findBulkAction } from './actions';
import { assertMayBulkChange } from './preview';
import { readItems } from './targets';

// Applying: the items are changed in chunks, one short transaction per chunk. An action with a
// set-based path (applyMany) changes the chunk's items in a few statements first; every item it
// leaves, or every item of an action without one, is changed in a savepoint of its own, so one
// item's refusal undoes only that item. The item's outcome is
// written in the same transaction as its change: a chunk commits entirely or not at all, and a
// run that stops (a killed server, an expired job) resumes with the items that have no outcome.
// Short transactions keep row locks brief, so the lists stay fast while a large change runs.

/** Items per transaction. */
export const bulkChunkSize = 100;
/** More planned changes than this run as a job (lib/jobs), with a progress bar; fewer run in the request. */
export const defaultJobThreshold = 200;

export type BulkChangeRecord = typeof bulkChanges.$inferSelect;

// Far longer than a small change takes in the request: its job finds it done and does nothing.
const inlineSafetyNetSeconds = 120;

function bulkChangeNotFound(): AppError {
  return new AppError('not_found', 'No such bulk change.');
}

/**
 * Applies a previewed change: small ones now (returns 'done'), large ones by a queued job
 * (returns 'queued'). Only the person who previewed it may apply it, once.
 */
export async function applyBulkChange(
  db: Database,
  actor: Actor,
  bulkChangeId: string,
  options: { jobThreshold?: number } = {},
): Promise<'done' | 'queued'> {
  assertMayBulkChange(actor);
  const threshold = options.jobThreshold ?? defaultJobThreshold;
  const mode = await db.transaction(async (tx) => {
    const [change] = await tx
      .select({ id: bulkChanges.id, actorId: bulkChanges.actorId, state: bulkChanges.state })
      .from(bulkChanges)
      .where(eq(bulkChanges.id, bulkChangeId))
      .for('update');
    if (!change || change.actorId !== actor.id) throw bulkChangeNotFound();
    if (change.state !== 'previewed') throw new AppError('conflict', 'This bulk change was already applied.');
    await tx
      .update(bulkChangeItems)
      .set({ outcome: 'skipped', outcomeReason: bulkChangeItems.reason, doneAt: sql`now()` })
      .where(and(eq(bulkChangeItems.bulkChangeId, change.id), eq(bulkChangeItems.plan, 'skip')));
    const planned = await tx.$count(
      bulkChangeItems,
      and(eq(bulkChangeItems.bulkChangeId, change.id), eq(bulkChangeItems.plan, 'change')),
    );
    const queued = planned > threshold;
    await tx
      .update(bulkChanges)
      .set({ state: queued ? 'queued' : 'running', appliedAt: sql`now()` })
      .where(eq(bulkChanges.id, change.id));
    // A small change runs in this request; its job waits a while as a safety net, so a request cut
    // short (a restart, a lost connection) leaves the rest to the job instead of "running" for ever.
    await enqueueJob(
      tx,
      queues.bulkChange.name,
      { bulkChangeId: change.id },
      { singletonKey: change.id, startAfterSeconds: queued ? undefined : inlineSafetyNetSeconds },
    );
    return queued ? ('queued' as const) : ('done' as const);
  });
  if (mode === 'done') await runBulkChange(db, actor, bulkChangeId);
  return mode;
}

/** The items of a change still to be applied. */
const itemsLeft = (changeId: string) =>
  and(eq(bulkChangeItems.bulkChangeId, changeId), isNull(bulkChangeItems.outcome), eq(bulkChangeItems.plan, 'change'));

const noLongerAllowed = 'Not applied: whoever applied this change may no longer make bulk changes.';

/** Applies every item still without an outcome, chunk by chunk, then marks the change done. Safe to repeat. */
export async function runBulkChange(db: Database, actor: Actor, bulkChangeId: string): Promise<void> {
  const [change] = await db.select().from(bulkChanges).where(eq(bulkChanges.id, bulkChangeId));
  if (!change || change.state === 'done' || change.state === 'previewed') return;
  const action = findBulkAction(change.action);
  if (!action) throw new Error(`Unknown bulk action ${change.action}`);
  if (change.state === 'queued')
    await db.update(bulkChanges).set({ state: 'running' }).where(eq(bulkChanges.id, change.id));
  if (staffRoles.includes(actor.role)) while ((await applyNextChunk(db, actor, change, action)) > 0);
  else {
    // Deactivated or no longer staff since: nothing more is changed in their name (a requester's
    // rights would still close their own tickets), and every item left says why.
    await db
      .update(bulkChangeItems)
      .set({ outcome: 'skipped', outcomeReason: noLongerAllowed, doneAt: sql`now()` })
      .where(itemsLeft(change.id));
  }
  await db
    .update(bulkChanges)
    .set({ state: 'done', finishedAt: sql`now()` })
    .where(and(eq(bulkChanges.id, change.id), isNull(bulkChanges.finishedAt)));
}

/** Applies the next chunk of items without an outcome; returns how many it took (0: none left). */
export async function applyNextChunk(
  db: Database,
  actor: Actor,
  change: BulkChangeRecord,
  action: BulkAction,
): Promise<number> {
  return db.transaction(async (tx) => {
    // Skip locked: should two runs overlap (a job retried while the first still ran), each takes other items.
    const items = await tx
      .select({ position: bulkChangeItems.position, id: bulkChangeItems.itemId, version: bulkChangeItems.version })
      .from(bulkChangeItems)
      .where(itemsLeft(change.id))
      .orderBy(bulkChangeItems.position)
      .limit(bulkChunkSize)
      .for('update', { skipLocked: true });
    const changed = await applyMany(tx, actor, change, action, items);
    if (changed.size > 0)
      await tx
        .update(bulkChangeItems)
        .set({ outcome: 'changed', outcomeReason: null, doneAt: sql`now()` })
        .where(
          and(
            eq(bulkChangeItems.bulkChangeId, change.id),
            inArray(
              bulkChangeItems.position,
              items.filter((item) => changed.has(item.id)).map((item) => item.position),
            ),
          ),
        );
    for (const item of items.filter((item) => !changed.has(item.id))) {
      const { outcome, reason } = await applyOne(tx, actor, change, action, item);
      await tx
        .update(bulkChangeItems)
        .set({ outcome, outcomeReason: reason, doneAt: sql`now()` })
        .where(and(eq(bulkChangeItems.bulkChangeId, change.id), eq(bulkChangeItems.position, item.position)));
    }
    return items.length;
  });
}

/**
 * The action's set-based path, when it has one, in a savepoint: the ids it changed. Should it fail
 * as a whole, nothing of it stays and every item goes the per-item way instead.
 */
async function applyMany(
  tx: Transaction,
  actor: Actor,
  change: BulkChangeRecord,
  action: BulkAction,
  items: { id: string; version: number }[],
): Promise<Set<string>> {
  const many = action.applyMany;
  if (!many || items.length === 0) return new Set();
  try {
    const ids = await tx.transaction((savepoint) =>
      withAuditBatch(change.id, () => many(savepoint, actor, items, change.params)),
    );
    return new Set(ids);
  } catch (error) {
    log.warn('bulk.chunk_fell_back', { bulkChangeId: change.id, ...describeError(error) });
    return new Set();
  }
}

async function applyOne(
  tx: Transaction,
  actor: Actor,
  change: BulkChangeRecord,
  action: BulkAction,
  item: { id: string; version: number },
): Promise<{ outcome: BulkItemOutcome; reason: string | null }> {
  try {
    await tx.transaction((savepoint) =>
      withAuditBatch(change.id, () => action.apply(savepoint, actor, item, change.params)),
    );
    return { outcome: 'changed', reason: null };
  } catch (error) {
    const [now] = await readItems(tx, actor, change.target as BulkAction['target'], [item.id]);
    if (now && now.version !== item.version)
      return { outcome: 'stale', reason: await changedSince(tx, change, item.id) };
    if (isAppError(error)) return { outcome: 'skipped', reason: error.message };
    log.error('bulk.item_failed', { bulkChangeId: change.id, itemId: item.id, ...describeError(error) });
    return { outcome: 'failed', reason: 'Something went wrong on our side; it was left unchanged.' };
  }
}

/** "Changed by alice since the preview", named by the newest audit row about the item. */
async function changedSince(tx: Transaction, change: BulkChangeRecord, itemId: string): Promise<string> {
  const [last] = await tx
    .select({ username: auditLog.actorUsername })
    .from(auditLog)
    .where(
      and(eq(auditLog.targetType, change.target), eq(auditLog.targetId, itemId), gt(auditLog.at, change.createdAt)),
    )
    .orderBy(desc(auditLog.at))
    .limit(1);
  return `Changed by ${last?.username ?? 'someone else'} since the preview; left as it is.`;
}
