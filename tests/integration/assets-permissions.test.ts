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
import { actorFor, createTestUser } from '../support/users';

const { db, config } = await useTestDatabase();

const admin = await createTestUser(db, { role: 'admin' });
const agent = await createTestUser(db, { role: 'agent' });
const requester = await createTestUser(db, { role: 'requester' });
const otherRequester = await createTestUser(db, { role: 'requester' });
const as = (user: typeof admin) => actorFor(user, { ipAddress: '192.0.2.9' });

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
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const isNotFound = (error: unknown) =>
  error instanceof AppError && error.code === 'not_found' && error.message === 'No such asset.';

const mine = await db.transaction((tx) =>
  createAsset(tx, as(agent), { assetTag: 'PERM-1', name: 'Requester laptop', category: 'Laptop' }),
);
const notMine = await db.transaction((tx) =>
  createAsset(tx, as(admin), { assetTag: 'PERM-2', name: 'Someone else laptop', category: 'Server' }),
);
const unassigned = await db.transaction((tx) =>
  createAsset(tx, as(admin), { assetTag: 'PERM-3', name: 'Spare', category: 'Monitor' }),
);
await db.transaction((tx) => checkOutAsset(tx, as(agent), { assetId: mine.id, userId: requester.id }));
await db.transaction((tx) => checkOutAsset(tx, as(agent), { assetId: notMine.id, userId: otherRequester.id }));
await db.transaction((tx) =>
  setAssetImage(tx, as(agent), { assetId: mine.id, bytes: tinyPng(), limits: config.images }),
);
await db.transaction((tx) =>
  setAssetImage(tx, as(agent), { assetId: notMine.id, bytes: tinyPng(), limits: config.images }),
);

const [ownTicket] = await db
  .insert(tickets)
  .values({ title: 'My laptop is slow', requesterId: requester.id })
  .returning({ id: tickets.id });
const [foreignTicket] = await db
  .insert(tickets)
  .values({ title: 'Borrowed it once', requesterId: otherRequester.id })
  .returning({ id: tickets.id });
await db.insert(ticketAssets).values([
  { ticketId: ownTicket.id, assetId: mine.id },
  { ticketId: foreignTicket.id, assetId: mine.id },
]);

const everyId = [mine.id, notMine.id, unassigned.id];
const listParams = assetListSchema.parse({ q: 'PERM', sort: 'tag', dir: 'asc' });

describe('agents and admins', () => {
  for (const [role, user] of [
    ['agent', agent],
    ['admin', admin],
  ] as const) {
    const actor = as(user);
    test(`${role}: sees every asset through every read door`, async () => {
      assert.deepEqual(
        (await listAssets(db, actor, listParams)).items.map((asset) => asset.assetTag),
        ['PERM-1', 'PERM-2', 'PERM-3'],
      );
      assert.equal((await listAssetsForExport(db, actor, listParams)).length, 3);
      for (const id of everyId) assert.equal((await findAsset(db, actor, id)).id, id);
      assert.ok(await readAssetImage(db, actor, notMine.id));
      assert.equal((await listAssetTickets(db, actor, mine.id)).length, 2);
      for (const category of ['Laptop', 'Monitor', 'Server'])
        assert.ok((await listAssetCategories(db, actor)).includes(category));
    });

    test(`${role}: can change assets`, async () => {
      const asset = await db.transaction((tx) =>
        createAsset(tx, actor, { assetTag: `STAFF-${role}`, name: 'By staff' }),
      );
      const updated = await db.transaction((tx) =>
        updateAsset(tx, actor, { assetId: asset.id, notes: 'ok', version: asset.version }),
      );
      assert.equal(updated.notes, 'ok');
      await db.transaction((tx) => checkOutAsset(tx, actor, { assetId: asset.id, userId: requester.id }));
      await db.transaction((tx) => checkInAsset(tx, actor, { assetId: asset.id }));
      await db.transaction((tx) =>
        setAssetImage(tx, actor, { assetId: asset.id, bytes: tinyPng(), limits: config.images }),
      );
      assert.equal(await db.transaction((tx) => removeAssetImage(tx, actor, asset.id)), true);
    });
  }
});

describe('a requester', () => {
  const reader = as(requester);

  test('lists only the assets checked out to them, whatever the filters ask', async () => {
    assert.deepEqual(
      (await listAssets(db, reader, listParams)).items.map((asset) => asset.id),
      [mine.id],
    );
    assert.deepEqual(
      (await listAssets(db, reader, assetListSchema.parse({ assignedTo: otherRequester.id }))).items,
      [],
    );
    assert.deepEqual(
      (await listAssetsForExport(db, reader, listParams)).map((asset) => asset.id),
      [mine.id],
    );
    assert.deepEqual(await listAssetCategories(db, reader), ['Laptop']);
  });

  test('opens their own asset, its image, history and only their own tickets', async () => {
    assert.equal((await findAsset(db, reader, mine.id)).assetTag, 'PERM-1');
    assert.ok(await readAssetImage(db, reader, mine.id));
    assert.ok(await findAssetImageInfo(db, reader, mine.id));
    const history = await listAssetHistory(db, reader, mine.id);
    assert.deepEqual(
      history.entries.map((entry) => entry.event),
      ['Checked out'],
    );
    assert.deepEqual(
      (await listAssetTickets(db, reader, mine.id)).map((ticket) => ticket.id),
      [ownTicket.id],
    );
  });

  test('gets "not found" for anyone else\'s asset, through every read door, as for one that does not exist', async () => {
    for (const id of [notMine.id, unassigned.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      await assert.rejects(findAsset(db, reader, id), isNotFound);
      await assert.rejects(readAssetImage(db, reader, id), isNotFound);
      await assert.rejects(findAssetImageInfo(db, reader, id), isNotFound);
      await assert.rejects(listAssetHistory(db, reader, id), isNotFound);
      await assert.rejects(listAssetTickets(db, reader, id), isNotFound);
    }
  });

  test('changes nothing, not even their own asset', async () => {
    await assert.rejects(
      db.transaction((tx) => createAsset(tx, reader, { assetTag: 'PERM-REQ', name: 'Mine now' })),
      isNotFound,
    );
    for (const id of [mine.id, notMine.id]) {
      await assert.rejects(
        db.transaction((tx) => updateAsset(tx, reader, { assetId: id, name: 'Renamed', version: 1 })),
        isNotFound,
      );
      await assert.rejects(
        db.transaction((tx) => checkInAsset(tx, reader, { assetId: id })),
        isNotFound,
      );
      await assert.rejects(
        db.transaction((tx) => setAssetImage(tx, reader, { assetId: id, bytes: tinyPng(), limits: config.images })),
        isNotFound,
      );
      await assert.rejects(
        db.transaction((tx) => removeAssetImage(tx, reader, id)),
        isNotFound,
      );
    }
    await assert.rejects(
      db.transaction((tx) => checkOutAsset(tx, reader, { assetId: unassigned.id, userId: requester.id })),
      isNotFound,
    );
    await assert.rejects(
      importAssets(db, reader, { csv: 'asset_tag,name\nPERM-CSV,Imported\n', mode: 'all', dryRun: false }),
      isNotFound,
    );

    const after = await findAsset(db, as(agent), mine.id);
    assert.deepEqual([after.name, after.assignedTo?.id, after.hasImage], ['Requester laptop', requester.id, true]);
    assert.equal((await listAssets(db, as(agent), assetListSchema.parse({ q: 'PERM-CSV' }))).total, 0);
  });
});
