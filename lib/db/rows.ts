import 'server-only';
import type { SQL } from 'drizzle-orm';
import type { Executor } from './client';

// postgres.js returns an array from execute(), PGlite an object with `rows`: callers get one shape.
export async function queryRows<Row>(executor: Executor, query: SQL): Promise<Row[]> {
  const result: unknown = await executor.execute(query);
  return Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;
}
