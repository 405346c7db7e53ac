import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { checkInAsset, checkOutAsset } from '../../lib/assets/assignments';
import { importAssets } from '../../lib/assets/csv-import';
import { listAssetHistory, listAssetTickets } from '../../lib/assets/history';
import { findAssetImageInfo, readAssetImage, removeAssetImage, setAssetImage } from '../../lib/assets/images';
import { createAsset, updateAsset } from '../../lib/assets/mutations';
import { findAsset, listAssetCategories, listAssets, listAssetsForExport } from '../../lib/assets/queries';
import { assetListSchema } from '../../lib/assets/schemas';
import { ticketAssets, tickets } from '../../lib/db/schema-domain';
import { AppError } from '../../lib/errors';
import { useTestDatabase } from '../support/test-database';
import { createTestUser } from '../support/users';

const { db, config } = await useTestDatabase();

const admin = await createTestUser(db, { role: 'admin' });
const agent = await createTestUser(db, { role: 'agent' });
const requester = await createTestUser(db, { role: 'requester' });
const otherRequester = await createTestUser(db, { role: 'requester' });
const as = (actor: typeof admin) => ({ actor, ipAddress: '192.0.2.9' });

/** A 1×1 PNG, CRCs and all. */
function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0))]);
}

const isNotFound = (error: unknown) => error instanceof AppError && error.code === 'not_found' && error.message === 'No such asset.';

const mine = await db.transaction((tx) => createAsset(tx, { assetTag: 'PERM-1', name: 'Requester laptop', category: 'Laptop' }, as(agent)));
const notMine = await db.transaction((tx) => createAsset(tx, { assetTag: 'PERM-2', name: 'Someone else laptop', category: 'Server' }, as(admin)));
const unassigned = await db.transaction((tx) => createAsset(tx, { assetTag: 'PERM-3', name: 'Spare', category: 'Monitor' }, as(admin)));
await db.transaction((tx) => checkOutAsset(tx, mine.id, { userId: requester.id }, as(agent)));
await db.transaction((tx) => checkOutAsset(tx, notMine.id, { userId: otherRequester.id }, as(agent)));
await db.transaction((tx) => setAssetImage(tx, mine.id, tinyPng(), config.images, as(agent)));
await db.transaction((tx) => setAssetImage(tx, notMine.id, tinyPng(), config.images, as(agent)));

const [ownTicket] = await db.insert(tickets).values({ title: 'My laptop is slow', requesterId: requester.id }).returning({ id: tickets.id });
const [foreignTicket] = await db.insert(tickets).values({ title: 'Borrowed it once', requesterId: otherRequester.id }).returning({ id: tickets.id });
await db.insert(ticketAssets).values([
  { ticketId: ownTicket.id, assetId: mine.id },
  { ticketId: foreignTicket.id, assetId: mine.id },
]);

const everyId = [mine.id, notMine.id, unassigned.id];
const listParams = assetListSchema.parse({ q: 'PERM', sort: 'tag', dir: 'asc' });

describe('agents and admins', () => {
  for (const [role, actor] of [
    ['agent', agent],
    ['admin', admin],
  ] as const) {
    test(`${role}: sees every asset through every read door`, async () => {
      assert.deepEqual((await listAssets(db, actor, listParams)).items.map((asset) => asset.assetTag), ['PERM-1', 'PERM-2', 'PERM-3']);
      assert.equal((await listAssetsForExport(db, actor, listParams)).length, 3);
      for (const id of everyId) assert.equal((await findAsset(db, actor, id)).id, id);
      assert.ok(await readAssetImage(db, actor, notMine.id));
      assert.equal((await listAssetTickets(db, actor, mine.id)).length, 2);
      for (const category of ['Laptop', 'Monitor', 'Server']) assert.ok((await listAssetCategories(db, actor)).includes(category));
    });

    test(`${role}: can change assets`, async () => {
      const asset = await db.transaction((tx) => createAsset(tx, { assetTag: `STAFF-${role}`, name: 'By staff' }, as(actor)));
      const updated = await db.transaction((tx) => updateAsset(tx, asset.id, { notes: 'ok', version: asset.version }, as(actor)));
      assert.equal(updated.notes, 'ok');
      await db.transaction((tx) => checkOutAsset(tx, asset.id, { userId: requester.id }, as(actor)));
      await db.transaction((tx) => checkInAsset(tx, asset.id, {}, as(actor)));
      await db.transaction((tx) => setAssetImage(tx, asset.id, tinyPng(), config.images, as(actor)));
      assert.equal(await db.transaction((tx) => removeAssetImage(tx, asset.id, as(actor))), true);
    });
  }
});

describe('a requester', () => {
  test('lists only the assets checked out to them, whatever the filters ask', async () => {
    assert.deepEqual((await listAssets(db, requester, listParams)).items.map((asset) => asset.id), [mine.id]);
    assert.deepEqual(
      (await listAssets(db, requester, assetListSchema.parse({ assignedTo: otherRequester.id }))).items,
      [],
    );
    assert.deepEqual((await listAssetsForExport(db, requester, listParams)).map((asset) => asset.id), [mine.id]);
    assert.deepEqual(await listAssetCategories(db, requester), ['Laptop']);
  });

  test('opens their own asset, its image, history and only their own tickets', async () => {
    assert.equal((await findAsset(db, requester, mine.id)).assetTag, 'PERM-1');
    assert.ok(await readAssetImage(db, requester, mine.id));
    assert.ok(await findAssetImageInfo(db, requester, mine.id));
    assert.equal((await listAssetHistory(db, requester, mine.id)).length, 1);
    assert.deepEqual((await listAssetTickets(db, requester, mine.id)).map((ticket) => ticket.id), [ownTicket.id]);
  });

  test('gets "not found" for anyone else\'s asset, through every read door, as for one that does not exist', async () => {
    for (const id of [notMine.id, unassigned.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      await assert.rejects(findAsset(db, requester, id), isNotFound);
      await assert.rejects(readAssetImage(db, requester, id), isNotFound);
      await assert.rejects(findAssetImageInfo(db, requester, id), isNotFound);
      await assert.rejects(listAssetHistory(db, requester, id), isNotFound);
      await assert.rejects(listAssetTickets(db, requester, id), isNotFound);
    }
  });

  test('changes nothing, not even their own asset', async () => {
    const context = as(requester);
    await assert.rejects(db.transaction((tx) => createAsset(tx, { assetTag: 'PERM-REQ', name: 'Mine now' }, context)), isNotFound);
    for (const id of [mine.id, notMine.id]) {
      await assert.rejects(db.transaction((tx) => updateAsset(tx, id, { name: 'Renamed', version: 1 }, context)), isNotFound);
      await assert.rejects(db.transaction((tx) => checkInAsset(tx, id, {}, context)), isNotFound);
      await assert.rejects(db.transaction((tx) => setAssetImage(tx, id, tinyPng(), config.images, context)), isNotFound);
      await assert.rejects(db.transaction((tx) => removeAssetImage(tx, id, context)), isNotFound);
    }
    await assert.rejects(db.transaction((tx) => checkOutAsset(tx, unassigned.id, { userId: requester.id }, context)), isNotFound);
    await assert.rejects(importAssets(db, { csv: 'asset_tag,name\nPERM-CSV,Imported\n', mode: 'all', dryRun: false }, context), isNotFound);

    const after = await findAsset(db, agent, mine.id);
    assert.deepEqual([after.name, after.assignedTo?.id, after.hasImage], ['Requester laptop', requester.id, true]);
    assert.equal((await listAssets(db, agent, assetListSchema.parse({ q: 'PERM-CSV' }))).total, 0);
  });
});
