import 'server-only';
import { staffRoles, type Actor } from '../actor';
import type { Transaction } from '../db/client';
import { bulkChangeItems, bulkChanges } from '../db/schema-bulk';
import { AppError } from '../errors';
import { formatCount } from '../format-count';
import { findBulkAction } from './actions';
import { maxBulkItems, readItems, selectedIds, targetWords, type BulkSelection } from './targets';

export type BulkPreviewInput = {
  action: string;
  params: Record<string, unknown>;
  selection: BulkSelection;
  /** What was selected, in words, e.g. "all assets matching status: In stock". */
  scope: string;
};

const insertChunk = 1000;

export function assertMayBulkChange(actor: Actor): void {
  // Requesters change records one at a time, their own; they get "not found" like for a record they may not see.
  if (!staffRoles.includes(actor.role)) throw new AppError('not_found', 'Not found.');
}

/**
 * Judges every selected item by the action's rules and stores the verdicts with each item's
 * version; nothing is changed yet. Returns the preview's id (the bulk change to apply later).
 */
export async function previewBulkChange(tx: Transaction, actor: Actor, input: BulkPreviewInput): Promise<string> {
  assertMayBulkChange(actor);
  const action = findBulkAction(input.action);
  if (!action || action.target !== input.selection.target)
    throw new AppError('validation_failed', 'Choose a change.', { fields: { action: 'Choose a change.' } });
  const params = await action.parseParams(tx, input.params);
  const description = await action.describe(tx, params);

  const ids = await selectedIds(tx, actor, input.selection);
  if (ids.length === 0)
    throw new AppError('validation_failed', `Select at least one ${targetWords[action.target].one}.`);
  if (ids.length > maxBulkItems) {
    throw new AppError(
      'validation_failed',
      `At most ${formatCount(maxBulkItems)} ${targetWords[action.target].many} can be changed at once; narrow the filter.`,
    );
  }
  const found = new Map((await readItems(tx, actor, action.target, ids)).map((item) => [item.id, item]));

  const [change] = await tx
    .insert(bulkChanges)
    .values({
      target: action.target,
      action: action.kind,
      params: params as Record<string, unknown>,
      description,
      actorId: actor.id,
      ipAddress: actor.ipAddress,
      scope: input.scope,
      total: ids.length,
    })
    .returning({ id: bulkChanges.id });

  const rows = ids.map((id, position) => {
    const item = found.get(id);
    const refusal = item ? action.refusal(item, params, actor) : targetWords[action.target].notVisible;
    return {
      bulkChangeId: change.id,
      position,
      itemId: id,
      label: item?.label ?? '—',
      version: item?.version ?? 0,
      plan: refusal ? ('skip' as const) : ('change' as const),
      reason: refusal,
    };
  });
  for (let start = 0; start < rows.length; start += insertChunk)
    await tx.insert(bulkChangeItems).values(rows.slice(start, start + insertChunk));
  return change.id;
}
