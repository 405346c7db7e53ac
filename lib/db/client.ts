import 'server-only';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { getConfig, type AppConfig } from '../config';
import { lockDataDirectory } from './data-dir-lock';
import { prepareFrequentStatements } from './prepared-statements';
import { runMigrations } from './migrate';
import { schema, type Database, type DatabaseHandle } from './handle';

export type { Database, DatabaseHandle, Executor, Schema, Transaction } from './handle';

/** Seconds before the next connect after `failures` failed ones: doubling from 50 ms, at most 1 s, with jitter. */
export function reconnectDelaySeconds(failures: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** failures, 1);
}

export async function openDatabase(
  target: AppConfig['database'],
  options: { migrate?: boolean; poolSize?: number } = {},
): Promise<DatabaseHandle> {
  let handle: DatabaseHandle;
  if (target.kind === 'postgres') {
    const client = postgres(target.url, {
      max: options.poolSize ?? 10,
      idle_timeout: 30,
      connect_timeout: 10,
      // postgres.js counts failed connects across the whole pool and waits up to 20 s before the
      // next one, so after an outage the first pages stalled long after the database was back.
      // Our probe already answers 503 while it is down, so a short, capped wait is enough.
      backoff: reconnectDelaySeconds,
      onnotice: () => {},
    });
    if (target.preparedStatements) prepareFrequentStatements(client);
    handle = {
      db: drizzlePostgres(client, { schema }),
      kind: 'postgres',
      // A script may open its own transaction (BEGIN … COMMIT): postgres.js allows that on a reserved connection only.
      runScript: async (text) => {
        const connection = await client.reserve();
        try {
          return lastRows(await connection.unsafe(text).simple());
        } finally {
          connection.release();
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  } else {
    const release = lockDataDirectory(target.dataDir);
    try {
      const client = await PGlite.create(path.join(target.dataDir, 'pglite'));
      handle = {
        db: drizzlePglite(client, { schema }),
        kind: 'pglite',
        runScript: async (text) => (await client.exec(text)).at(-1)?.rows ?? [],
        close: async () => {
          await client.close();
          release();
        },
      };
    } catch (error) {
      release();
      throw error;
    }
  }
  if (options.migrate ?? true) await runMigrations(handle, target);
  return handle;
}

// A simple-protocol reply with several statements is a list of row lists; with one, the rows.
function lastRows(result: unknown): unknown[] {
  const rows = result as unknown[];
  return Array.isArray(rows.at(-1)) ? (rows.at(-1) as unknown[]) : rows;
}

// One handle per process, shared by the custom server and every Next.js bundle through globalThis:
// a second PGlite instance on the same directory would corrupt it.
const handleKey = Symbol.for('it-assets-manager.database');
type HandleHolder = { [handleKey]?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const holder = globalThis as HandleHolder;
  if (!holder[handleKey]) {
    const opening = openDatabase(getConfig().database);
    holder[handleKey] = opening;
    opening.catch(() => {
      if (holder[handleKey] === opening) delete holder[handleKey];
    });
  }
  return holder[handleKey];
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}

export async function closeDatabase(): Promise<void> {
  const holder = globalThis as HandleHolder;
  const opening = holder[handleKey];
  delete holder[handleKey];
  if (opening) await (await opening).close();
}
