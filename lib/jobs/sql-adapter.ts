import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/handle';

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

// `pg` sends objects as JSON text, dates as timestamps and arrays as array literals (pg-boss's
// `$2::uuid[]`); Drizzle's drivers take all three as text. A bare array would become a list of
// parameters in Drizzle's sql template instead.
function encodeValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  if (value === null || typeof value !== 'object') return value;
  return JSON.stringify(value);
}

function arrayLiteral(items: unknown[]): string {
  const elements = items.map((item) => {
    if (item === null || item === undefined) return 'NULL';
    if (Array.isArray(item)) return arrayLiteral(item);
    const text = String(encodeValue(item));
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${elements.join(',')}}`;
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
