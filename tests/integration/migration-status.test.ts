import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { migrationStatus } from '../../lib/db/migration-status';
import { useTestDatabase } from '../support/test-database';

const { db, rows } = await useTestDatabase();

test('after start-up every migration in drizzle/ is applied', async () => {
  const status = await migrationStatus(db);
  assert.equal(status.current, true);
  assert.deepEqual(status.pending, []);
  assert.ok(status.expected.includes('0000_core'));
});

test('a database behind drizzle/ reports the migrations it lacks', async () => {
  await rows(
    sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)`,
  );
  const status = await migrationStatus(db);
  assert.equal(status.current, false);
  assert.deepEqual(status.pending, [status.expected.at(-1)]);
});
