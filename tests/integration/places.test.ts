import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { importAssets } from '../../lib/assets/csv-import';
import { createAsset, updateAsset } from '../../lib/assets/mutations';
import { setAssetCustomValue, setAssetLocation } from '../../lib/assets/place-and-fields';
import { findAsset, listAssets } from '../../lib/assets/queries';
import { assetListSchema, fromAssetForm, newAssetSchema } from '../../lib/assets/schemas';
import { addCatalogValue } from '../../lib/catalog/admin';
import { addCustomField, removeCustomField } from '../../lib/custom-fields/admin';
import { AppError } from '../../lib/errors';
import { compareScan, findLocationAudit, saveLocationAudit } from '../../lib/location-audits/audits';
import { createLocation, moveLocation, removeLocation, renameLocation } from '../../lib/locations/mutations';
import { findLocation, listAssetsAt } from '../../lib/locations/queries';
import type { Transaction } from '../../lib/db/client';
import { sleep, useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db, rows } = await useTestDatabase();
const admin = actorFor(await createTestUser(db, { role: 'admin' }), { ipAddress: '192.0.2.20' });
const requester = actorFor(await createTestUser(db, { role: 'requester' }));

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${++counter}`;
const place = (name: string, parentId?: string) =>
  db.transaction((tx) => createLocation(tx, admin, { name, parentId }));
const asset = (fields: Record<string, unknown> = {}) =>
  db.transaction((tx) => createAsset(tx, admin, { assetTag: unique('PL-'), name: 'Laptop', ...fields }));
const listTags = async (query: Record<string, string>) =>
  (
    await listAssets(db, admin, assetListSchema.parse({ sort: 'tag', dir: 'asc', pageSize: '100', ...query }))
  ).items.map((item) => item.assetTag);

describe('locations', () => {
  test('a list filtered by a place has the assets at it and everything under it, and nothing else', async () => {
    const site = await place(unique('Site'));
    const floor = await place('2nd floor', site.id);
    const room = await place('2.14', floor.id);
    const other = await place(unique('Other'));
    const atSite = await asset({ locationId: site.id });
    const inRoom = await asset({ locationId: room.id });
    await asset({ locationId: other.id });
    assert.equal(room.path, `${site.path} / 2nd floor / 2.14`);
    assert.deepEqual(await listTags({ location: site.id }), [atSite.assetTag, inRoom.assetTag].sort());
    assert.deepEqual(await listTags({ location: floor.id }), [inRoom.assetTag]);
    assert.deepEqual(
      (await listAssetsAt(db, admin, site.id)).map((row) => row.assetTag),
      [atSite.assetTag, inRoom.assetTag].sort(),
    );
    // Search finds an asset by its place's name, at any depth.
    assert.deepEqual(await listTags({ q: `${site.path} floor` }), [inRoom.assetTag]);
  });

  test('a rename counts characters, not UTF-16 units, and makes an edit of a place below read before it stale', async () => {
    const lab = await place(unique('Lab 🧪'));
    const bench = await place('Bench', lab.id);
    await db.transaction((tx) =>
      renameLocation(tx, admin, { id: lab.id, name: `${lab.name}⚗️`, version: lab.version }),
    );
    assert.equal((await findLocation(db, admin, bench.id)).path, `${lab.name}⚗️ / Bench`);
    await assert.rejects(
      db.transaction((tx) => renameLocation(tx, admin, { id: bench.id, name: 'Desk', version: bench.version })),
      (error: unknown) => error instanceof AppError && error.code === 'conflict',
    );
  });

  test('rename and move rewrite the paths below and on the assets; a place cannot move under itself', async () => {
    const site = await place(unique('Campus'));
    const building = await place('Building A', site.id);
    const room = await place('Room 1', building.id);
    const held = await asset({ locationId: room.id });
    const renamed = await db.transaction((tx) =>
      renameLocation(tx, admin, { id: building.id, name: 'Building B', version: building.version }),
    );
    assert.equal((await findLocation(db, admin, room.id)).path, `${site.path} / Building B / Room 1`);
    assert.equal((await findAsset(db, admin, held.id)).location, `${site.path} / Building B / Room 1`);
    await assert.rejects(
      db.transaction((tx) => moveLocation(tx, admin, { id: building.id, parentId: room.id, version: renamed.version })),
      (error: unknown) => error instanceof AppError && error.code === 'validation_failed',
    );
    await db.transaction((tx) =>
      moveLocation(tx, admin, { id: building.id, parentId: null, version: renamed.version }),
    );
    assert.equal((await findAsset(db, admin, held.id)).location, 'Building B / Room 1');
    await assert.rejects(
      db.transaction((tx) => removeLocation(tx, admin, { id: room.id })),
      (error: unknown) => error instanceof AppError && error.code === 'conflict',
    );
    const moved = await findAsset(db, admin, held.id);
    await db.transaction((tx) =>
      setAssetLocation(tx, admin, { assetId: held.id, locationId: site.id, version: moved.version }),
    );
    await db.transaction((tx) => removeLocation(tx, admin, { id: room.id }));
    await assert.rejects(
      findLocation(db, requester, site.id),
      (error: unknown) => error instanceof AppError && error.code === 'not_found',
    );
  });

  /** Runs `change` in a transaction that stays open until `then` has been started and had time to wait. */
  async function whileOpen<T>(change: (tx: Transaction) => Promise<unknown>, then: () => Promise<T>) {
    let finish = () => {};
    const open = new Promise<void>((resolve) => (finish = resolve));
    let changed = () => {};
    const hasChanged = new Promise<void>((resolve) => (changed = resolve));
    const first = db.transaction(async (tx) => {
      await change(tx);
      changed();
      await open;
    });
    await hasChanged;
    const second = then().then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    await sleep(200);
    finish();
    await first;
    return second;
  }

  test('a place created while its parent is renamed is made under the new name', async () => {
    const site = await place(unique('Depot'));
    const outcome = await whileOpen(
      (tx) => renameLocation(tx, admin, { id: site.id, name: `${site.name} North`, version: site.version }),
      () => place('Shelf', site.id),
    );
    assert.ok('value' in outcome, String((outcome as { error?: unknown }).error));
    assert.equal(outcome.value.path, `${site.name} North / Shelf`);
  });

  test('an asset put at a place while it is removed is refused on its field, never a failed query', async () => {
    const spot = await place(unique('Corner'));
    const outcome = await whileOpen(
      (tx) => removeLocation(tx, admin, { id: spot.id }),
      () => asset({ locationId: spot.id }),
    );
    assert.ok('error' in outcome);
    assert.ok(outcome.error instanceof AppError, String(outcome.error));
    assert.equal(outcome.error.code, 'validation_failed');
    assert.match(outcome.error.fields?.locationId ?? '', /No such place/);
  });

  test('the migration carries old free-text locations into top-level places', async () => {
    const tag = unique('OLD-');
    // Assets as 0008 left them: a text location and no place.
    await rows(sql`insert into assets (asset_tag, name, location) values
      (${`${tag}-1`}, 'A', 'Store room'), (${`${tag}-2`}, 'B', 'store ROOM'), (${`${tag}-3`}, 'C', 'Lab 1/Bench'),
      (${`${tag}-4`}, 'D', '   ')`);
    const marker = '-- hand-written: places';
    const migration = fs
      .readdirSync('drizzle')
      .filter((name) => name.endsWith('.sql'))
      .map((name) => fs.readFileSync(path.join('drizzle', name), 'utf8'))
      .find((text) => text.includes(marker))!;
    const start = migration.indexOf(marker);
    const next = migration.indexOf('-- hand-written:', start + marker.length);
    const handWritten = migration.slice(start, next === -1 ? undefined : next);
    for (const statement of handWritten.split('--> statement-breakpoint')) await rows(sql.raw(statement));
    const after = await rows<{ tag: string; location: string | null; path: string | null; parent: string | null }>(
      sql`select a.asset_tag as tag, a.location, l.path, l.parent_id as parent from assets a
          left join locations l on l.id = a.location_id where a.asset_tag like ${`${tag}%`} order by a.asset_tag`,
    );
    assert.deepEqual(
      after.map((row) => [row.location, row.path, row.parent]),
      [
        ['Store room', 'Store room', null],
        ['Store room', 'Store room', null],
        ['Lab 1-Bench', 'Lab 1-Bench', null],
        [null, null, null],
      ],
    );
  });
});

const category = await db.transaction((tx) => addCatalogValue(tx, admin, { kind: 'category', name: unique('Laptop') }));
const ram = await db.transaction((tx) =>
  addCustomField(tx, admin, { categoryId: category.id, name: 'RAM GB', kind: 'number', required: true }),
);
await db.transaction((tx) =>
  addCustomField(tx, admin, {
    categoryId: category.id,
    name: 'Colour',
    kind: 'choice',
    required: false,
    options: 'Black, Silver',
  }),
);

describe('custom fields', () => {
  /** The messages each path gives for the same values. */
  async function viaApi(values: Record<string, string>): Promise<string | null> {
    try {
      await db.transaction((tx) =>
        createAsset(tx, admin, { assetTag: unique('API-'), name: 'x', category: category.name, customFields: values }),
      );
      return null;
    } catch (error) {
      return error instanceof AppError ? error.message : String(error);
    }
  }
  async function viaForm(values: Record<string, string>): Promise<string | null> {
    const form = Object.fromEntries(Object.entries(values).map(([key, value]) => [`customFields.${key}`, value]));
    const parsed = fromAssetForm(newAssetSchema).parse({
      assetTag: unique('FRM-'),
      name: 'x',
      category: category.name,
      ...form,
    });
    try {
      await db.transaction((tx) => createAsset(tx, admin, parsed));
      return null;
    } catch (error) {
      return error instanceof AppError ? error.message : String(error);
    }
  }
  async function viaCsv(values: Record<string, string>): Promise<string | null> {
    const headers = Object.keys(values);
    const text = [
      ['asset_tag', 'name', 'category', ...headers].join(','),
      [unique('CSV-'), 'x', category.name, ...headers.map((header) => values[header])].join(','),
    ].join('\n');
    const result = await importAssets(db, admin, { csv: text, mode: 'all', dryRun: false });
    return result.errors[0]?.message ?? null;
  }

  test('the form, the JSON API and the CSV import accept and refuse the same values with the same messages', async () => {
    const cases: Record<string, string>[] = [
      { 'RAM GB': '16', Colour: 'silver' },
      { 'RAM GB': 'sixteen' },
      { Colour: 'Black' },
      { 'RAM GB': '8', Colour: 'Red' },
    ];
    const expected = [
      null,
      'RAM GB must be a number, e.g. 16 or 2.5.',
      'RAM GB is required.',
      'Colour is one of: Black, Silver.',
    ];
    for (const [index, values] of cases.entries()) {
      const csvValues = Object.fromEntries(
        Object.entries(values).map(([key, value]) => [key.replace(' ', '_'), value]),
      );
      assert.deepEqual(
        [await viaForm(values), await viaApi(values), await viaCsv(csvValues)],
        [expected[index], expected[index], expected[index]],
        JSON.stringify(values),
      );
    }
    const imported = await listAssets(db, admin, assetListSchema.parse({ q: 'silver', category: category.name }));
    assert.ok(imported.items.length >= 3, 'found by a custom value');
    assert.ok(
      imported.items.every((item) => item.customFields.Colour === 'Silver' && item.customFields['RAM GB'] === 16),
    );
  });

  test('removing a field keeps each asset’s old value in its audit history', async () => {
    const field = await db.transaction((tx) =>
      addCustomField(tx, admin, { categoryId: category.id, name: 'IMEI', kind: 'text', required: false }),
    );
    const held = await asset({ category: category.name, customFields: { 'RAM GB': 4, IMEI: '3514-22' } });
    const edited = await db.transaction((tx) =>
      setAssetCustomValue(tx, admin, { assetId: held.id, field: 'IMEI', value: '3514-99', version: held.version }),
    );
    assert.equal(edited.customFields.IMEI, '3514-99');
    await db.transaction((tx) => removeCustomField(tx, admin, { id: field.id }));
    const after = await findAsset(db, admin, held.id);
    assert.equal(after.customFields.IMEI, undefined);
    const [row] = await rows<{ details: { field: string; value: string } }>(
      sql`select details from audit_log where action = 'asset.custom_field_removed' and target_id = ${held.id}`,
    );
    assert.deepEqual([row.details.field, row.details.value], ['IMEI', '3514-99']);
    await assert.rejects(
      db.transaction((tx) =>
        updateAsset(tx, admin, { assetId: held.id, version: held.version, customFields: { IMEI: 'x' } }),
      ),
    );
    assert.ok(ram.id);
  });
});

describe('audit mode', () => {
  test('scanned tags sort into found, missing and unexpected; saving marks them last seen here', async () => {
    const room = await place(unique('Audit room'));
    const shelf = await place('Shelf', room.id);
    const elsewhere = await place(unique('Elsewhere'));
    const here = await asset({ locationId: room.id });
    const onShelf = await asset({ locationId: shelf.id });
    const gone = await asset({ locationId: room.id });
    const stray = await asset({ locationId: elsewhere.id });
    // A handheld scanner types what our label's QR code holds: the short URL ending in the tag.
    const label = `https://assets.example.test/it/a/${encodeURIComponent(onShelf.assetTag.toLowerCase())}`;
    const tags = [here.assetTag, label, stray.assetTag, 'NO-SUCH-TAG', here.assetTag];
    const result = await compareScan(db, admin, { locationId: room.id, tags });
    assert.deepEqual(
      result.found.map((entry) => entry.assetTag),
      [here.assetTag, onShelf.assetTag].sort(),
    );
    assert.deepEqual(
      result.missing.map((entry) => entry.assetTag),
      [gone.assetTag],
    );
    assert.deepEqual(
      result.unexpected.map((entry) => [entry.assetTag, entry.recordedLocation]),
      [[stray.assetTag, elsewhere.path]],
    );
    assert.deepEqual(result.unknown, ['no-such-tag']);

    const saved = await db.transaction((tx) => saveLocationAudit(tx, admin, { locationId: room.id, tags }));
    const seen = await rows<{ tag: string; seen: boolean; place: string | null; by: string | null; version: number }>(
      sql`select asset_tag as tag, last_seen_at is not null as seen, last_seen_location_id as place, last_seen_by_id as by, version
          from assets where id in (${here.id}, ${stray.id}, ${gone.id}) order by asset_tag`,
    );
    const byTag = new Map(seen.map((row) => [row.tag, row]));
    assert.deepEqual(byTag.get(here.assetTag), {
      tag: here.assetTag,
      seen: true,
      place: room.id,
      by: admin.id,
      version: 1,
    });
    assert.equal(byTag.get(stray.assetTag)?.place, room.id);
    assert.equal(byTag.get(gone.assetTag)?.seen, false);
    const report = await findLocationAudit(db, admin, saved.id);
    assert.equal(report.entries.length, 4);
    assert.deepEqual(report.unknownTags, ['no-such-tag']);
    const audited = await rows<{ n: number }>(
      sql`select count(*)::int as n from audit_log where action = 'asset.seen' and details->>'audit' = ${saved.id}`,
    );
    assert.equal(audited[0].n, 3);
    await assert.rejects(compareScan(db, requester, { locationId: room.id, tags }));
  });
});
