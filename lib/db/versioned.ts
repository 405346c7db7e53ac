import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { staleVersion } from '../errors';
import type { Executor } from './client';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Writes `changes` to the row only while it is still at the version the change was made from, and
 * moves it to the next version; a row someone changed meanwhile is a conflict. Returns the new version.
 */
export async function updateAtVersion<Table extends VersionedTable>(
  executor: Executor,
  table: Table,
  row: { id: string; version: number },
  changes: PgUpdateSetSource<Table>,
): Promise<number> {
  const [updated] = await executor
    .update(table)
    .set({ ...changes, version: sql`${table.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(table.id, row.id), eq(table.version, row.version)))
    .returning({ version: table.version });
  if (!updated) throw staleVersion();
  return updated.version as number;
}
