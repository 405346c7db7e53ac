import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { checkInAsset, checkOutAsset } from '../../lib/assets/assignments';
import { historyPreview, listAssetHistory } from '../../lib/assets/history';
import { createAsset, updateAsset } from '../../lib/assets/mutations';
import { suggestNextAssetTag } from '../../lib/assets/next-tag';
import { findAsset, listAssets } from '../../lib/assets/queries';
import { assetListSchema } from '../../lib/assets/schemas';
import { AppError } from '../../lib/errors';
import { setUserActive } from '../../lib/users/mutations';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, testCommandLine } from '../support/users';

const { db, rows } = await useTestDatabase();

const agent = await createTestUser(db, { role: 'agent' });
const actor = actorFor(agent, { ipAddress: '192.0.2.7' });
let counter = 0;
const uniqueTag = (prefix = 'CHG') => `${prefix}-${Date.now().toString(36)}-${++counter}`;
const newAsset = (fields: Record<string, unknown> = {}) =>
  db.transaction((tx) => createAsset(tx, actor, { assetTag: uniqueTag(), name: 'Laptop', ...fields }));

function rejectsWith(code: string, check: (error: AppError) => void = () => {}) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    check(error);
    return true;
  };
}

async function auditActions(assetId: string): Promise<string[]> {
  const audit = await rows<{ action: string }>(
    sql`select action from audit_log where target_id = ${assetId} order by id`,
  );
  return audit.map((row) => row.action);
}

describe('asset tag and serial uniqueness', () => {
  test('a tag differing only in letter case is refused with "already used by <tag>"', async () => {
    const first = await newAsset({ assetTag: uniqueTag('Case') });
    await assert.rejects(
      newAsset({ assetTag: first.assetTag.toUpperCase() }),
      rejectsWith('conflict', (error) =>
        assert.deepEqual(error.fields, { assetTag: `Already used by ${first.assetTag}.` }),
      ),
    );
  });

  test('a serial used by another asset is refused on create and on update, ignoring case', async () => {
    const holder = await newAsset({ serial: `sn-${uniqueTag()}` });
    await assert.rejects(
      newAsset({ serial: holder.serial!.toUpperCase() }),
      rejectsWith('conflict', (error) => assert.equal(error.fields?.serial, `Already used by ${holder.assetTag}.`)),
    );
    const other = await newAsset();
    await assert.rejects(
      db.transaction((tx) =>
        updateAsset(tx, actor, { assetId: other.id, serial: holder.serial!.toUpperCase(), version: other.version }),
      ),
      rejectsWith('conflict', (error) => assert.equal(error.fields?.serial, `Already used by ${holder.assetTag}.`)),
    );
    assert.equal((await findAsset(db, actor, other.id)).serial, null);
  });

  test('assets without a serial do not collide', async () => {
    await newAsset();
    await newAsset({ serial: '' });
  });
});

describe('editing an asset', () => {
  test('an update carries the version it read; a stale one is refused and changes nothing', async () => {
    const asset = await newAsset({ model: 'Shelf 1' });
    const saved = await db.transaction((tx) =>
      updateAsset(tx, actor, {
        assetId: asset.id,
        model: 'Shelf 2',
        purchaseCost: '1299.5',
        version: asset.version,
      }),
    );
    assert.deepEqual([saved.model, saved.purchaseCost, saved.version], ['Shelf 2', '1299.50', asset.version + 1]);
    await assert.rejects(
      db.transaction((tx) => updateAsset(tx, actor, { assetId: asset.id, model: 'Shelf 3', version: asset.version })),
      rejectsWith('conflict', (error) => assert.match(error.message, /changed by someone else/i)),
    );
    assert.equal((await findAsset(db, actor, asset.id)).model, 'Shelf 2');
    assert.deepEqual(await auditActions(asset.id), ['asset.create', 'asset.update']);
  });

  test('bad field values are refused per field', async () => {
    await assert.rejects(
      newAsset({ purchaseCost: '-1' }),
      rejectsWith('validation_failed', (error) => assert.match(error.fields?.purchaseCost ?? '', /0 or more/)),
    );
    await assert.rejects(
      newAsset({ purchaseCost: '12.345' }),
      rejectsWith('validation_failed', (error) => assert.ok(error.fields?.purchaseCost)),
    );
    await assert.rejects(
      newAsset({ warrantyEnd: '2024-02-30' }),
      rejectsWith('validation_failed', (error) => assert.match(error.fields?.warrantyEnd ?? '', /YYYY-MM-DD/)),
    );
    await assert.rejects(
      newAsset({ assetTag: '  ' }),
      rejectsWith('validation_failed', (error) => assert.ok(error.fields?.assetTag)),
    );
    await assert.rejects(
      newAsset({ status: 'deployed' }),
      rejectsWith('validation_failed', (error) => assert.ok(error.fields?.status)),
    );
  });
});

describe('check-out and check-in', () => {
  test('check-out then check-in: holder, status and a history row with who and when', async () => {
    const requester = await createTestUser(db, { role: 'requester' });
    const asset = await newAsset();
    const out = await db.transaction((tx) =>
      checkOutAsset(tx, actor, { assetId: asset.id, userId: requester.id, expectedReturn: '2999-12-31' }),
    );
    assert.deepEqual([out.status, out.assignedTo?.id, out.expectedReturn], ['deployed', requester.id, '2999-12-31']);

    const back = await db.transaction((tx) =>
      checkInAsset(tx, actor, { assetId: asset.id, status: 'in_repair', notes: 'Cracked screen' }),
    );
    assert.deepEqual([back.status, back.assignedTo, back.expectedReturn], ['in_repair', null, null]);

    const history = await listAssetHistory(db, actor, asset.id);
    assert.deepEqual(
      history.entries.map((entry) => [entry.event, entry.by, entry.summary]),
      [
        ['Checked in', agent.displayName, `from ${requester.displayName}, now In repair. Notes: Cracked screen`],
        ['Checked out', agent.displayName, `to ${requester.displayName}, expected back 2999-12-31`],
        ['Created', agent.displayName, 'Laptop'],
      ],
    );
    assert.equal(history.total, 3);
    assert.ok(history.entries[0].at instanceof Date);
    assert.deepEqual(await auditActions(asset.id), ['asset.create', 'asset.checkout', 'asset.checkin']);
  });

  test('an asset already checked out cannot be checked out; a free one cannot be checked in', async () => {
    const [first, second] = [
      await createTestUser(db, { role: 'requester' }),
      await createTestUser(db, { role: 'requester' }),
    ];
    const asset = await newAsset();
    await db.transaction((tx) => checkOutAsset(tx, actor, { assetId: asset.id, userId: first.id }));
    await assert.rejects(
      db.transaction((tx) => checkOutAsset(tx, actor, { assetId: asset.id, userId: second.id })),
      rejectsWith('conflict', (error) =>
        assert.match(error.message, new RegExp(`already checked out to ${first.displayName}`)),
      ),
    );
    assert.equal((await findAsset(db, actor, asset.id)).assignedTo?.id, first.id);

    const retired = await newAsset({ status: 'retired' });
    await assert.rejects(
      db.transaction((tx) => checkInAsset(tx, actor, { assetId: retired.id })),
      rejectsWith('conflict', (error) => assert.match(error.message, /not checked out/)),
    );
  });

  test('check-out needs an active user and an expected return that is not in the past', async () => {
    const disabled = await createTestUser(db, { role: 'requester' });
    await db.transaction((tx) => setUserActive(tx, testCommandLine, { userId: disabled.id, active: false }));
    const asset = await newAsset();
    await assert.rejects(
      db.transaction((tx) => checkOutAsset(tx, actor, { assetId: asset.id, userId: disabled.id })),
      rejectsWith('validation_failed'),
    );
    const active = await createTestUser(db, { role: 'requester' });
    await assert.rejects(
      db.transaction((tx) =>
        checkOutAsset(tx, actor, { assetId: asset.id, userId: active.id, expectedReturn: '2000-01-01' }),
      ),
      rejectsWith('validation_failed', (error) => assert.match(error.fields?.expectedReturn ?? '', /past/)),
    );
    assert.equal((await findAsset(db, actor, asset.id)).status, 'in_stock');
    assert.deepEqual(
      (await listAssetHistory(db, actor, asset.id)).entries.map((entry) => entry.event),
      ['Created'],
    );
  });

  test('an asset in repair, retired or lost is checked out only with confirmUnavailable: true', async () => {
    const requester = await createTestUser(db, { role: 'requester' });
    for (const [status, label] of [
      ['lost', 'Lost'],
      ['retired', 'Retired'],
      ['in_repair', 'In repair'],
    ] as const) {
      const asset = await newAsset({ status });
      await assert.rejects(
        db.transaction((tx) => checkOutAsset(tx, actor, { assetId: asset.id, userId: requester.id })),
        rejectsWith('conflict', (error) =>
          assert.equal(
            error.message,
            `${asset.assetTag} is ${label}. Confirm to check it out anyway (confirmUnavailable: true).`,
          ),
        ),
      );
      await assert.rejects(
        db.transaction((tx) =>
          checkOutAsset(tx, actor, { assetId: asset.id, userId: requester.id, confirmUnavailable: false }),
        ),
        rejectsWith('conflict'),
      );
      const unchanged = await findAsset(db, actor, asset.id);
      assert.deepEqual([unchanged.status, unchanged.assignedTo], [status, null]);

      const out = await db.transaction((tx) =>
        checkOutAsset(tx, actor, { assetId: asset.id, userId: requester.id, confirmUnavailable: true }),
      );
      assert.deepEqual([out.status, out.assignedTo?.id], ['deployed', requester.id]);
      const [latest] = (await listAssetHistory(db, actor, asset.id)).entries;
      assert.equal(latest.summary, `to ${requester.displayName}, while ${label}`);
    }
  });

  test('the history shows an edit field by field, from before to after', async () => {
    const asset = await newAsset({ model: 'Room 1' });
    await db.transaction((tx) =>
      updateAsset(tx, actor, { assetId: asset.id, version: asset.version, model: 'Room 2', serial: 'SN-9' }),
    );
    const edited = await db.transaction((tx) =>
      updateAsset(tx, actor, { assetId: asset.id, version: asset.version + 1, status: 'in_repair' }),
    );
    assert.equal(edited.status, 'in_repair');
    const { entries } = await listAssetHistory(db, actor, asset.id);
    assert.deepEqual(
      entries.map((entry) => [entry.event, entry.changes]),
      [
        ['Status changed', [{ field: 'Status', from: 'In stock', to: 'In repair' }]],
        [
          'Edited',
          [
            { field: 'Model', from: 'Room 1', to: 'Room 2' },
            { field: 'Serial', from: null, to: 'SN-9' },
          ],
        ],
        ['Created', []],
      ],
    );
  });

  test('the history lists the latest events unless all are asked for', async () => {
    let asset = await newAsset();
    for (let n = 1; n <= historyPreview + 2; n++) {
      asset = await db.transaction((tx) =>
        updateAsset(tx, actor, { assetId: asset.id, version: asset.version, model: `Shelf ${n}` }),
      );
    }
    const latest = await listAssetHistory(db, actor, asset.id);
    assert.deepEqual([latest.entries.length, latest.total], [historyPreview, historyPreview + 3]);
    assert.equal(latest.entries[0].changes[0].to, `Shelf ${historyPreview + 2}`);
    assert.equal((await listAssetHistory(db, actor, asset.id, { all: true })).entries.length, historyPreview + 3);
  });

  test('the status of a checked-out asset changes only by checking it in', async () => {
    const requester = await createTestUser(db, { role: 'requester' });
    const asset = await newAsset();
    const out = await db.transaction((tx) => checkOutAsset(tx, actor, { assetId: asset.id, userId: requester.id }));
    await assert.rejects(
      db.transaction((tx) => updateAsset(tx, actor, { assetId: asset.id, status: 'in_stock', version: out.version })),
      rejectsWith('validation_failed', (error) => assert.ok(error.fields?.status)),
    );
  });
});

describe('lists', () => {
  test('filters by status, holder, search text and warranty; sorts by tag', async () => {
    const requester = await createTestUser(db, { role: 'requester' });
    const marker = `zq${Date.now().toString(36)}`;
    const a = await newAsset({ assetTag: `${marker}-2`, name: 'Dell Latitude', warrantyEnd: '2000-01-01' });
    const b = await newAsset({ assetTag: `${marker}-1`, name: 'HP Monitor', status: 'in_repair' });
    await db.transaction((tx) => checkOutAsset(tx, actor, { assetId: a.id, userId: requester.id }));
    const list = (params: Record<string, string>) =>
      listAssets(db, actor, assetListSchema.parse({ q: marker, ...params }));

    assert.deepEqual(
      (await list({ sort: 'tag', dir: 'asc' })).items.map((item) => item.id),
      [b.id, a.id],
    );
    assert.deepEqual(
      (await list({ status: 'in_repair' })).items.map((item) => item.id),
      [b.id],
    );
    assert.deepEqual(
      (await list({ assignedTo: requester.id })).items.map((item) => item.id),
      [a.id],
    );
    assert.deepEqual(
      (await list({ assignedTo: 'none' })).items.map((item) => item.id),
      [b.id],
    );
    assert.deepEqual(
      (await list({ assignedTo: 'any' })).items.map((item) => item.id),
      [a.id],
    );
    assert.deepEqual(
      (await list({ q: `${marker} latitude` })).items.map((item) => item.id),
      [a.id],
    );
    assert.deepEqual(
      (await list({ warrantyDays: '30' })).items.map((item) => item.id),
      [a.id],
    );
    // "zq…-2" is read by PostgreSQL as the word "zq…" and the number "-2": it must still be found.
    assert.deepEqual(
      (await list({ q: `${marker}-2` })).items.map((item) => item.id),
      [a.id],
    );
    const page = await list({ pageSize: '1', page: '2', sort: 'tag', dir: 'asc' });
    assert.deepEqual([page.total, page.items[0].id], [2, a.id]);
  });
});

describe('the next tag suggestion', () => {
  test('follows the prefix and zero padding of the most recent tags', async () => {
    await newAsset({ assetTag: 'NB-00041' });
    await newAsset({ assetTag: 'NB-00042' });
    assert.equal(await suggestNextAssetTag(db), 'NB-00043');
    await newAsset({ assetTag: 'nb-00107' });
    assert.equal(await suggestNextAssetTag(db), 'nb-00108');
  });
});
