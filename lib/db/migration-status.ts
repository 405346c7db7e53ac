import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { migrationsFolder } from './migrate';
import { queryRows } from './rows';

export type MigrationStatus = { expected: string[]; pending: string[]; current: boolean };

/**
 * Compares drizzle/'s journal with what the database recorded. Drizzle applies every migration
 * newer than the last one recorded, so those are the pending ones.
 */
export async function migrationStatus(db: Database): Promise<MigrationStatus> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  const [table] = await queryRows<{ exists: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`,
  );
  let lastApplied = 0;
  if (table?.exists) {
    const [row] = await queryRows<{ last: string | number | null }>(
      db,
      sql`select max(created_at) as last from drizzle.__drizzle_migrations`,
    );
    lastApplied = Number(row?.last ?? 0);
  }
  const pending = journal.entries.filter((entry) => entry.when > lastApplied).map((entry) => entry.tag);
  return { expected: journal.entries.map((entry) => entry.tag), pending, current: pending.length === 0 };
}
