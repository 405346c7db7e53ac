import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkOutAsset } from '../../lib/assets/assignments';
import { listAssetTickets } from '../../lib/assets/history';
import { createAsset } from '../../lib/assets/mutations';
import { addCatalogValue } from '../../lib/catalog/admin';
import { AppError } from '../../lib/errors';
import { assignSeat } from '../../lib/licenses/mutations';
import { createLicense } from '../../lib/licenses/mutations';
import { guessTicketCategory, listMyDevices, problemReportDraft } from '../../lib/self-service/devices';
import { createTicket, updateTicket } from '../../lib/tickets/mutations';
import { getTicket } from '../../lib/tickets/queries';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// "My devices" and "Report a problem" (lib/self-service/devices.ts): a requester sees and reports
// on the assets checked out to them only; the category follows the asset's; an asset lists its
// tickets, open ones first.

const { db } = await useTestDatabase({ REPORT_PROBLEM_CATEGORY: 'Hardware' });

const admin = actorFor(await createTestUser(db, { role: 'admin' }));
const agent = actorFor(await createTestUser(db, { role: 'agent' }));
const requester = actorFor(await createTestUser(db, { role: 'requester' }));
const other = actorFor(await createTestUser(db, { role: 'requester' }));
const run = Date.now().toString(36);

async function assetFor(holder: typeof requester | null, tag: string, category: string) {
  const asset = await db.transaction((tx) =>
    createAsset(tx, admin, { assetTag: `${tag}-${run}`, name: tag, category }),
  );
  if (holder) await db.transaction((tx) => checkOutAsset(tx, admin, { assetId: asset.id, userId: holder.id }));
  return asset;
}

const notFound = (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, 'not_found');
  return true;
};

const laptop = await assetFor(requester, 'LAPTOP', `Network${run}`);
const phone = await assetFor(requester, 'PHONE', `Phones${run}`);
const othersLaptop = await assetFor(other, 'OTHER', 'Laptops');
const spare = await assetFor(null, 'SPARE', 'Laptops');

describe('my devices', () => {
  test('lists the assets checked out to the requester, with the licenses on them and no product key', async () => {
    const license = await db.transaction((tx) =>
      createLicense(tx, admin, { name: `Office ${run}`, vendor: 'Contoso', seats: 5, productKey: 'SECRET-KEY' }),
    );
    await db.transaction((tx) => assignSeat(tx, admin, { licenseId: license.id, assetId: laptop.id }));
    const devices = await listMyDevices(db, requester);
    assert.deepEqual(
      devices.map((device) => device.id),
      [laptop.id, phone.id],
    );
    assert.deepEqual(devices[0].licenses, [
      { id: license.id, name: `Office ${run}`, vendor: 'Contoso', expiresAt: null },
    ]);
    assert.deepEqual(devices[1].licenses, []);
    assert.ok(!JSON.stringify(devices).includes('SECRET-KEY'));
    assert.deepEqual(await listMyDevices(db, agent), []);
  });
});

describe('report a problem', () => {
  test('the category is the listed ticket category named like the asset category, else the configured one', async () => {
    await db.transaction((tx) => addCatalogValue(tx, admin, { kind: 'ticket_category', name: `NETWORK${run}` }));
    assert.equal(await guessTicketCategory(db, `network${run}`, 'Hardware'), `NETWORK${run}`);
    assert.equal(await guessTicketCategory(db, `Phones${run}`, 'hardware'), 'Hardware');
    // A configured default that is not listed, or none at all: no guess (the form's default).
    assert.equal(await guessTicketCategory(db, `Phones${run}`, `Unlisted${run}`), null);
    assert.equal(await guessTicketCategory(db, `Phones${run}`, undefined), null);

    assert.deepEqual(await problemReportDraft(db, requester, laptop.id), {
      asset: { id: laptop.id, assetTag: laptop.assetTag, name: 'LAPTOP' },
      category: `NETWORK${run}`,
    });
    assert.equal((await problemReportDraft(db, requester, phone.id)).category, 'Hardware');
  });

  test('a requester may only report on an asset checked out to them: anything else is not found', async () => {
    await assert.rejects(problemReportDraft(db, requester, othersLaptop.id), notFound);
    await assert.rejects(problemReportDraft(db, requester, spare.id), notFound);
    await assert.rejects(problemReportDraft(db, requester, 'not-a-uuid'), notFound);
    await assert.rejects(problemReportDraft(db, requester, crypto.randomUUID()), notFound);
    // Staff may open a ticket about any asset.
    assert.equal((await problemReportDraft(db, agent, othersLaptop.id)).asset.id, othersLaptop.id);
    // The ticket itself refuses the link the same way.
    await assert.rejects(
      db.transaction((tx) => createTicket(tx, requester, { title: 'Broken', assetIds: [othersLaptop.id] })),
      (error) => error instanceof AppError && error.code === 'validation_failed',
    );
  });

  test('the ticket is linked to the asset, and the asset lists its tickets open first', async () => {
    const older = await db.transaction((tx) =>
      createTicket(tx, requester, { title: 'Older problem', category: 'Hardware', assetIds: [laptop.id] }),
    );
    const resolved = await db.transaction((tx) =>
      createTicket(tx, requester, { title: 'Solved problem', assetIds: [laptop.id] }),
    );
    await db.transaction((tx) => updateTicket(tx, agent, { ticketId: resolved.id, version: 1, status: 'resolved' }));
    const newer = await db.transaction((tx) =>
      createTicket(tx, requester, { title: 'Screen flickers', assetIds: [laptop.id] }),
    );
    const ticket = await getTicket(db, requester, newer.id);
    assert.deepEqual(
      ticket.assets.map((asset) => asset.id),
      [laptop.id],
    );
    const listed = await listAssetTickets(db, agent, laptop.id);
    assert.deepEqual(
      listed.map((row) => row.id),
      [newer.id, older.id, resolved.id],
    );
    await assert.rejects(listAssetTickets(db, other, laptop.id), notFound);
  });
});
