import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { seedDemoData } from '../../lib/demo/seed';
import { isAppError } from '../../lib/errors';
import { useTestDatabase } from '../support/test-database';

const { db, rows } = await useTestDatabase({ BCRYPT_COST: '4' });

const total = async (table: string) =>
  Number((await rows<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`)))[0].n);

test('with no users and without --with-users it refuses and writes nothing', async () => {
  await assert.rejects(
    seedDemoData(db, { tickets: 10, assets: 5, withUsers: false, force: false }),
    (error) => isAppError(error) && /create the first admin/.test(error.message),
  );
  assert.equal(await total('tickets'), 0);
});

test('fills tickets, assets, licenses and demo users whose passwords are returned once', async () => {
  const result = await seedDemoData(db, { tickets: 300, assets: 60, withUsers: true, force: false });
  assert.equal(result.tickets, 300);
  assert.equal(await total('tickets'), 300);
  assert.equal(await total('assets'), 60);
  assert.equal(await total('licenses'), 7);
  assert.ok(result.users.length > 10 && result.users.every((user) => user.password.length >= 16));
  // Hashes, never the clear passwords, are stored.
  const stored = await rows<{ hash: string }>(
    sql`select password_hash as hash from users where username = ${result.users[0].username}`,
  );
  assert.match(stored[0].hash, /^\$2[aby]\$/);
  // Every ticket has its "created" event in the timeline.
  assert.equal(await total(`ticket_events where kind = 'created'`), 300);
  // Closed and resolved tickets carry their resolution time.
  assert.equal(await total(`tickets where status in ('resolved','closed') and resolved_at is null`), 0);
  // Deployed assets have a holder and an open check-out row.
  assert.equal(await total(`assets where status = 'deployed' and assigned_to_id is null`), 0);
  assert.equal(
    await total(
      `assets a where a.status = 'deployed' and not exists (select 1 from asset_assignments h where h.asset_id = a.id and h.checked_in_at is null)`,
    ),
    0,
  );
  // No license has more seats in use than it owns.
  assert.equal(
    await total(`licenses l where (select count(*) from license_seats s where s.license_id = l.id) > l.seats`),
    0,
  );
});

test('refuses a database that already holds data unless forced', async () => {
  await assert.rejects(
    seedDemoData(db, { tickets: 10, assets: 5, withUsers: false, force: false }),
    (error) => isAppError(error) && /--force/.test(error.message),
  );
  assert.equal(await total('tickets'), 300);
  await seedDemoData(db, { tickets: 10, assets: 0, withUsers: false, force: true });
  assert.equal(await total('tickets'), 310);
});
