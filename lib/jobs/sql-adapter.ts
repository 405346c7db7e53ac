import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';

/** What pg-boss needs from a database connection: its own `Db` shape. */
export type BossDb = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

// pg-boss writes `$1`-style SQL for the `pg` driver. We run it through Drizzle instead, on the
// app's one database handle or on an open transaction, so a job is queued in the same
// transaction as the change that asks for it and the embedded database needs no second client.
function toDrizzleSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  parts.forEach((part, index) => {
    if (index % 2 === 0) {
      if (part) chunks.push(sql.raw(part));
    } else {
      chunks.push(sql`${encodeValue(values[Number(part) - 1])}`);
    }
  });
  return sql.join(chunks);
}

// `pg` sends objects as JSON text and dates as timestamps; Drizzle's drivers take both as text.
function encodeValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value === null || Array.isArray(value) || typeof value !== 'object') return value;
  return JSON.stringify(value);
}

/**
 * pg-boss's `Db` over an executor. Its SQL without parameters can hold several statements (its
 * own migrations): `runScript` runs those on the driver, outside any transaction of ours.
 */
export function bossDb(executor: Executor, runScript?: (text: string) => Promise<unknown[]>): BossDb {
  return {
    async executeSql(text, values = []) {
      if (values.length === 0 && runScript) return { rows: await runScript(text) };
      const statement = values.length > 0 ? toDrizzleSql(text, values) : sql.raw(text);
      const result: unknown = await executor.execute(statement);
      return { rows: Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []) };
    },
  };
}
