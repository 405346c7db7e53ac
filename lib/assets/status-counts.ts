import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { queryRows } from '../db/rows';
import { assetStatusCounts } from '../db/schema-domain';
import { describeError, log } from '../log';

/** Assets per status, summed from the rows the triggers on assets keep (drizzle/0004). */
export async function countAssetsByStatus(executor: Executor) {
  return executor
    .select({ status: assetStatusCounts.status, count: sql<number>`sum(${assetStatusCounts.delta})`.mapWith(Number) })
    .from(assetStatusCounts)
    .groupBy(assetStatusCounts.status);
}

/**
 * Folds the change rows into one row per status. Without locks: the delete takes only rows its
 * snapshot sees, so rows written meanwhile stay for the next time, and when two processes compact
 * at once each row is deleted, and re-added in a sum, by exactly one of them.
 */
export async function compactAssetStatusCounts(db: Database): Promise<number> {
  const rows = await queryRows<{ folded: number }>(
    db,
    sql`with folded as (delete from asset_status_counts returning status, delta),
             summed as (insert into asset_status_counts (status, delta)
                        select status, sum(delta) from folded group by status having sum(delta) <> 0
                        returning 1)
        select (select count(*) from folded)::int as folded`,
  );
  return rows[0]?.folded ?? 0;
}

// The dashboard sums these rows on every view: folding them keeps that a handful of rows.
const compactEveryMs = 60_000;

export function startAssetCountCompaction(getDatabase: () => Promise<Database>): () => void {
  const timer = setInterval(async () => {
    try {
      await compactAssetStatusCounts(await getDatabase());
    } catch (error) {
      log.warn('assets.count_compaction_failed', describeError(error));
    }
  }, compactEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
