import 'server-only';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import type { SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { getConfig, type AppConfig } from '../../lib/config';
import { closeDatabase, getDb, type Database } from '../../lib/db/client';
import { queryRows } from '../../lib/db/rows';

export type TestDatabase = {
  kind: 'pglite' | 'postgres';
  db: Database;
  config: AppConfig;
  /** Raw SQL for setting up states the library never produces by itself (expired rows, other processes). */
  rows: <Row = Record<string, unknown>>(query: SQL) => Promise<Row[]>;
};

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  const kind = process.env.TEST_DB || 'pglite';
  if (kind !== 'pglite' && kind !== 'postgres') throw new Error(`TEST_DB must be pglite or postgres; got "${kind}"`);
  return kind;
}

/**
 * Points this test file's process at a database of its own, then opens it through the library
 * (getDb/getConfig read process.env once, so this must run before anything else touches them).
 * PGlite: a fresh temp DATA_DIR. PostgreSQL: a fresh database on TEST_DATABASE_URL's server.
 * Everything is closed and deleted after the file's tests, whatever their outcome.
 */
export async function useTestDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  const kind = testDbKind();
  delete process.env.DATABASE_URL;
  const dropDatabase = kind === 'postgres' ? await createPostgresDatabase() : async () => {};

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-test-data-'));
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    BCRYPT_COST: '4',
    ...env,
  });

  let cleanedUp = false;
  const cleanUp = async () => {
    if (cleanedUp) return;
    cleanedUp = true;
    try {
      await closeDatabase();
      await dropDatabase();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
  after(cleanUp);

  let db: Database;
  try {
    db = await getDb();
  } catch (error) {
    // The file fails before any test runs, and then its after() hooks may not: clean up here.
    await cleanUp().catch(() => {});
    throw error;
  }
  return { kind, db, config: getConfig(), rows: <Row>(query: SQL) => queryRows<Row>(db, query) };
}

/** Creates a fresh database on TEST_DATABASE_URL's server, points DATABASE_URL at it, returns its dropper. */
async function createPostgresDatabase(): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error(
      'TEST_DB=postgres needs TEST_DATABASE_URL (run through scripts/test/run-integration.ts postgres, which starts a server when it is unset)',
    );
  }
  const name = `iam_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (error) {
    await admin.end({ timeout: 1 });
    throw new Error(`Could not create a test database on ${redact(serverUrl)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return async () => {
    try {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
    } finally {
      await admin.end({ timeout: 5 });
    }
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
