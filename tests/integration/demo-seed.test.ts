import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { demoSeedPlan } from '../../lib/demo/plan';
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

test('demo asset tags keep to their own series, so a forced seed never takes a tag a person was offered', async () => {
  await rows(sql`insert into assets (asset_tag, name, status) values ('A-00001', 'Real laptop', 'in_stock')`);
  assert.match(
    (await demoSeedPlan(db, { force: true, withUsers: false })) ?? '',
    /^This database already holds 310 tickets, 61 assets and 14 licenses; --force adds the demo data beside them, changing nothing that is there, with asset tags from DEMO-00061 on\.$/,
  );
  await seedDemoData(db, { tickets: 0, assets: 5, withUsers: false, force: true });
  const tags = await rows<{ tag: string }>(
    sql`select asset_tag as tag from assets order by created_at desc, asset_tag desc limit 5`,
  );
  assert.deepEqual(tags.map((row) => row.tag).sort(), [
    'DEMO-00061',
    'DEMO-00062',
    'DEMO-00063',
    'DEMO-00064',
    'DEMO-00065',
  ]);
  assert.equal(await total(`assets where asset_tag = 'A-00001'`), 1);
});

test('with --with-users a second time it says the demo users are already here, and adds nothing', async () => {
  await assert.rejects(
    seedDemoData(db, { tickets: 10, assets: 5, withUsers: true, force: true }),
    (error) =>
      isAppError(error) &&
      error.message ===
        'The demo users are already here (demo-agent-ana and others); run without --with-users to add demo data for the users this database has.',
  );
  assert.equal(await total('tickets'), 310);
});
