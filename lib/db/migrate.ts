import 'server-only';
import path from 'node:path';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import postgres from 'postgres';
import type { AppConfig } from '../config';
import { installJobQueues } from '../jobs/queue';
import type { DatabaseHandle } from './handle';

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

// Any fixed number works; it only has to be the same in every process of this app.
const migrationLockKey = 7_461_001;

/**
 * Applies pending migrations from drizzle/. On PostgreSQL, several processes may start at once
 * (a PM2 cluster), so the work runs on one dedicated connection holding an advisory lock.
 */
export async function runMigrations(handle: DatabaseHandle, target: AppConfig['database']): Promise<void> {
  if (target.kind === 'pglite') {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    await installJobQueues(handle);
    return;
  }
  const client = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${migrationLockKey})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder });
    await installJobQueues(handle);
    await client`select pg_advisory_unlock(${migrationLockKey})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
