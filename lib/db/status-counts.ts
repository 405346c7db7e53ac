import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import { describeError, log } from '../log';
import type { Database, Executor } from './client';
import { queryRows } from './rows';
import { assetStatusCounts, ticketStatusCounts } from './schema-domain';

// Rows per status, kept by triggers (drizzle/0004, 0005): every write appends its change per status,
// in the writer's own transaction, so a sum over the change rows is exact in any snapshot.

type KeptCounts = typeof assetStatusCounts | typeof ticketStatusCounts;
type StatusOf<Table extends KeptCounts> = Table['$inferSelect']['status'];

/** Rows per status, summed from the change rows. */
export async function countByStatus<Table extends KeptCounts>(
  executor: Executor,
  table: Table,
): Promise<{ status: StatusOf<Table>; count: number }[]> {
  const counts: KeptCounts = table;
  return executor
    .select({ status: counts.status, count: sql<number>`sum(${counts.delta})`.mapWith(Number) })
    .from(counts)
    .groupBy(counts.status);
}

/** How many rows have one of `statuses`, or how many there are at all when it is empty. */
export async function keptTotal<Table extends KeptCounts>(
  executor: Executor,
  table: Table,
  statuses: readonly StatusOf<Table>[] = [],
): Promise<number> {
  const counts: KeptCounts = table;
  const [row] = await executor
    .select({ total: sql<number>`coalesce(sum(${counts.delta}), 0)`.mapWith(Number) })
    .from(counts)
    .where(statuses.length > 0 ? inArray(counts.status, [...statuses]) : undefined);
  return row?.total ?? 0;
}

/**
 * Folds the change rows into one row per status. Without locks: the delete takes only rows its
 * snapshot sees, so rows written meanwhile stay for the next time, and when two processes compact
 * at once each row is deleted, and re-added in a sum, by exactly one of them.
 */
export async function compactStatusCounts(executor: Executor, table: KeptCounts): Promise<number> {
  const rows = await queryRows<{ folded: number }>(
    executor,
    sql`with folded as (delete from ${table} returning status, delta),
             summed as (insert into ${table} (status, delta)
                        select status, sum(delta) from folded group by status having sum(delta) <> 0
                        returning 1)
        select (select count(*) from folded)::int as folded`,
  );
  return rows[0]?.folded ?? 0;
}

// Readers sum these rows on every view: folding them keeps that a handful of rows.
const compactEveryMs = 60_000;

export function startStatusCountCompaction(getDatabase: () => Promise<Database>): () => void {
  const compactAll = async () => {
    // Each table on its own: one failing does not leave the other's rows to pile up.
    for (const table of [assetStatusCounts, ticketStatusCounts]) {
      try {
        await compactStatusCounts(await getDatabase(), table);
      } catch (error) {
        log.warn('db.status_count_compaction_failed', describeError(error));
      }
    }
  };
  const timer = setInterval(() => void compactAll(), compactEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
