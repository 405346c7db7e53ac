import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assets } from '../../lib/db/schema-domain';
import { AppError } from '../../lib/errors';
import { assignSeat, createLicense, revealProductKey, unassignSeat, updateLicense } from '../../lib/licenses/mutations';
import { getLicense, licenseSeatCounts, listLicenses } from '../../lib/licenses/queries';
import { licenseListSchema } from '../../lib/licenses/schemas';
import { setUserActive } from '../../lib/users/mutations';
import { sleep, useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, testCommandLine, uniqueUsername } from '../support/users';

const { db, kind, rows } = await useTestDatabase();

const agent = await createTestUser(db, { role: 'agent' });
const requester = await createTestUser(db, { role: 'requester' });
const asAgent = actorFor(agent, { ipAddress: '192.0.2.7' });
const asRequester = actorFor(requester, { ipAddress: '192.0.2.8' });

const conflict = (pattern: RegExp) => (error: unknown) =>
  error instanceof AppError && error.code === 'conflict' && pattern.test(error.message);
const notFound = (error: unknown) => error instanceof AppError && error.code === 'not_found';

const newLicense = (seats: number, extra: Record<string, unknown> = {}) =>
  db.transaction((tx) =>
    createLicense(tx, asAgent, { name: `Office ${uniqueUsername('lic')}`, vendor: 'Contoso', seats, ...extra }),
  );

const assignUser = (licenseId: string, userId: string) =>
  db.transaction((tx) => assignSeat(tx, asAgent, { licenseId, userId }));

async function auditActions(licenseId: string) {
  const audit = await rows<{ action: string; details: unknown }>(
    sql`select action, details from audit_log where target_id = ${licenseId} order by id`,
  );
  return audit.map((row) => ({
    action: row.action,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
  }));
}

/**
 * PostgreSQL only: runs `race` while another transaction holds back every insert into
 * license_seats (a SHARE lock lets reads through), so both assignments have read the seat count
 * before either can insert. Only the license row lock keeps the second from taking a seat too.
 */
async function withSeatInsertsHeldBack<T>(race: () => Promise<T>): Promise<T> {
  const { racing } = await db.transaction(async (blocker) => {
    await blocker.execute(sql`lock table license_seats in share mode`);
    const started = race();
    await sleep(300);
    return { racing: started };
  });
  return racing;
}

describe('license seats', () => {
  test('used and free seats are counted on the license, in the list and in the counts', async () => {
    const license = await newLicense(3);
    const [alice, bob] = [await createTestUser(db, { role: 'requester' }), await createTestUser(db, { role: 'agent' })];
    const [laptop] = await db
      .insert(assets)
      .values({ assetTag: `LIC-${uniqueUsername('a')}`, name: 'Laptop' })
      .returning({ id: assets.id, assetTag: assets.assetTag });
    await assignUser(license.id, alice.id);
    await assignUser(license.id, bob.id);
    await db.transaction((tx) =>
      assignSeat(tx, asAgent, { licenseId: license.id, assetTag: laptop.assetTag.toLowerCase() }),
    );

    const detail = await getLicense(db, asAgent, license.id);
    assert.deepEqual([detail.seats, detail.used, detail.free], [3, 3, 0]);
    assert.deepEqual(
      detail.seatList.map((seat) => seat.user?.username ?? seat.asset?.assetTag),
      [alice.username, bob.username, laptop.assetTag],
    );
    const counts = await licenseSeatCounts(db, asAgent);
    assert.deepEqual(
      counts.find((row) => row.id === license.id),
      { id: license.id, name: license.name, seats: 3, used: 3, free: 0 },
    );
    const page = await listLicenses(db, asAgent, licenseListSchema.parse({ q: license.name }));
    assert.deepEqual([page.total, page.items[0].used, page.items[0].free], [1, 3, 0]);

    await db.transaction((tx) => unassignSeat(tx, asAgent, { licenseId: license.id, seatId: detail.seatList[0].id }));
    await db.transaction((tx) => unassignSeat(tx, asAgent, { licenseId: license.id, assetTag: laptop.assetTag }));
    await assert.rejects(
      db.transaction((tx) => unassignSeat(tx, asAgent, { licenseId: license.id, userId: alice.id })),
      notFound,
    );
    const after = await getLicense(db, asAgent, license.id);
    assert.deepEqual([after.used, after.free], [1, 2]);
    assert.deepEqual(
      (await auditActions(license.id)).map((row) => row.action),
      [
        'license.create',
        'license.seat_assign',
        'license.seat_assign',
        'license.seat_assign',
        'license.seat_unassign',
        'license.seat_unassign',
      ],
    );
  });

  test('assigning more seats than exist is refused with "No free seats left"', async () => {
    const license = await newLicense(1);
    await assignUser(license.id, (await createTestUser(db, { role: 'requester' })).id);
    const late = await createTestUser(db, { role: 'requester' });
    await assert.rejects(
      assignUser(license.id, late.id),
      conflict(new RegExp(`^No free seats left on ${license.name}\\.$`)),
    );
    assert.equal((await getLicense(db, asAgent, license.id)).used, 1);
  });

  test('two people taking the last seat at the same moment: exactly one gets it', async () => {
    const license = await newLicense(2);
    await assignUser(license.id, (await createTestUser(db, { role: 'requester' })).id);
    const [first, second] = [
      await createTestUser(db, { role: 'requester' }),
      await createTestUser(db, { role: 'requester' }),
    ];

    const race = () => Promise.allSettled([assignUser(license.id, first.id), assignUser(license.id, second.id)]);
    const outcomes = kind === 'postgres' ? await withSeatInsertsHeldBack(race) : await race();
    const fulfilled = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const rejected = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    assert.equal(fulfilled.length, 1);
    assert.equal(rejected.length, 1);
    assert.ok(conflict(/^No free seats left on/)(rejected[0].reason), String(rejected[0].reason));
    const [{ count }] = await rows<{ count: number }>(
      sql`select count(*)::int as count from license_seats where license_id = ${license.id}`,
    );
    assert.equal(Number(count), 2);
  });

  test('the same user or asset cannot hold two seats of one license', async () => {
    const license = await newLicense(5);
    const holder = await createTestUser(db, { role: 'requester' });
    await assignUser(license.id, holder.id);
    await assert.rejects(
      assignUser(license.id, holder.id),
      conflict(new RegExp(`^${holder.username} already has a seat on`)),
    );
    const [monitor] = await db
      .insert(assets)
      .values({ assetTag: `LIC-${uniqueUsername('m')}`, name: 'Monitor' })
      .returning({ id: assets.id });
    await db.transaction((tx) => assignSeat(tx, asAgent, { licenseId: license.id, assetId: monitor.id }));
    await assert.rejects(
      db.transaction((tx) => assignSeat(tx, asAgent, { licenseId: license.id, assetId: monitor.id })),
      conflict(/already has a seat/),
    );
    assert.equal((await getLicense(db, asAgent, license.id)).used, 2);
  });

  test("a disabled user's seat can still be taken back, but a disabled user gets no new seat", async () => {
    const license = await newLicense(2);
    const leaver = await createTestUser(db, { role: 'agent' });
    await assignUser(license.id, leaver.id);
    await db.transaction((tx) => setUserActive(tx, testCommandLine, { userId: leaver.id, active: false }));
    await assert.rejects(
      assignUser(license.id, leaver.id),
      (error: unknown) => error instanceof AppError && error.code === 'unprocessable',
    );
    await db.transaction((tx) => unassignSeat(tx, asAgent, { licenseId: license.id, userId: leaver.id }));
    assert.equal((await getLicense(db, asAgent, license.id)).used, 0);
  });

  test('a seat goes only to an active user or an existing asset', async () => {
    const license = await newLicense(5);
    await assert.rejects(
      db.transaction((tx) => assignSeat(tx, asAgent, { licenseId: license.id, assetTag: 'NO-SUCH-TAG' })),
      (error: unknown) =>
        error instanceof AppError && error.code === 'unprocessable' && /NO-SUCH-TAG/.test(error.message),
    );
    await assert.rejects(
      db.transaction((tx) => assignSeat(tx, asAgent, { licenseId: license.id, userId: agent.id, assetTag: 'X' })),
      (error: unknown) => error instanceof AppError && error.code === 'validation_failed',
    );
  });
});

describe('license changes', () => {
  test('reducing seats below the number in use is refused; down to it is allowed', async () => {
    const license = await newLicense(4);
    await assignUser(license.id, (await createTestUser(db, { role: 'requester' })).id);
    await assignUser(license.id, (await createTestUser(db, { role: 'requester' })).id);
    await assert.rejects(
      db.transaction((tx) => updateLicense(tx, asAgent, { licenseId: license.id, seats: 1, version: license.version })),
      conflict(/2 seats are in use/),
    );
    const updated = await db.transaction((tx) =>
      updateLicense(tx, asAgent, { licenseId: license.id, seats: 2, version: license.version }),
    );
    assert.deepEqual([updated.seats, updated.free, updated.version], [2, 0, license.version + 1]);
  });

  test('an update from a stale version is refused and changes nothing', async () => {
    const license = await newLicense(3);
    await db.transaction((tx) =>
      updateLicense(tx, asAgent, { licenseId: license.id, name: 'Renamed', version: license.version }),
    );
    await assert.rejects(
      db.transaction((tx) =>
        updateLicense(tx, asAgent, { licenseId: license.id, vendor: 'Other', version: license.version }),
      ),
      conflict(/Changed by someone else/),
    );
    const after = await getLicense(db, asAgent, license.id);
    assert.deepEqual([after.name, after.vendor], ['Renamed', 'Contoso']);
    const audit = await auditActions(license.id);
    assert.deepEqual(
      audit.map((row) => row.action),
      ['license.create', 'license.update'],
    );
    assert.deepEqual((audit[1].details as { changes: unknown }).changes, {
      name: { from: license.name, to: 'Renamed' },
    });
  });

  test('the product key is masked unless revealed, and every reveal is audited', async () => {
    const key = 'ABCDE-FGHIJ-KLMNO-PQRST';
    const license = await newLicense(1, { productKey: key });
    assert.equal(license.productKeyMasked, '•••••-•••••-PQRST');
    assert.equal(JSON.stringify(license).includes('KLMNO'), false);
    const listed = await listLicenses(db, asAgent, licenseListSchema.parse({ q: license.name }));
    assert.equal(JSON.stringify(listed).includes('PQRST'), false);

    assert.equal(await db.transaction((tx) => revealProductKey(tx, asAgent, license.id)), key);
    const audit = await auditActions(license.id);
    assert.deepEqual(
      audit.map((row) => row.action),
      ['license.create', 'license.key_reveal'],
    );
    assert.equal(JSON.stringify(audit).includes('KLMNO'), false);
    // The actor says who read the key and from where.
    const [reveal] = await rows<{ actor_id: string; ip_address: string }>(
      sql`select actor_id, ip_address from audit_log where target_id = ${license.id} and action = 'license.key_reveal'`,
    );
    assert.deepEqual([reveal.actor_id, reveal.ip_address], [agent.id, '192.0.2.7']);
  });

  test('a requester is told "not found" by every license function, whether the license exists or not', async () => {
    const license = await newLicense(2);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [license.id, missing]) {
      await assert.rejects(getLicense(db, asRequester, id), notFound);
      await assert.rejects(
        db.transaction((tx) => updateLicense(tx, asRequester, { licenseId: id, name: 'x', version: 1 })),
        notFound,
      );
      await assert.rejects(
        db.transaction((tx) => revealProductKey(tx, asRequester, id)),
        notFound,
      );
      await assert.rejects(
        db.transaction((tx) => assignSeat(tx, asRequester, { licenseId: id, userId: requester.id })),
        notFound,
      );
      await assert.rejects(
        db.transaction((tx) => unassignSeat(tx, asRequester, { licenseId: id, userId: requester.id })),
        notFound,
      );
    }
    await assert.rejects(listLicenses(db, asRequester, licenseListSchema.parse({})), notFound);
    await assert.rejects(licenseSeatCounts(db, asRequester), notFound);
    await assert.rejects(
      db.transaction((tx) => createLicense(tx, asRequester, { name: 'Nope', seats: 1 })),
      notFound,
    );
    assert.equal((await getLicense(db, asAgent, license.id)).used, 0);
  });
});
