import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { checkOutAsset } from '../../lib/assets/assignments';
import { importAssets, type ImportMode, type ImportProgress } from '../../lib/assets/csv-import';
import { maxImportRows } from '../../lib/assets/csv-import-rows';
import { createAsset } from '../../lib/assets/mutations';
import { listAssets } from '../../lib/assets/queries';
import { assetListSchema } from '../../lib/assets/schemas';
import { AppError } from '../../lib/errors';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db, rows } = await useTestDatabase();
const admin = await createTestUser(db, { role: 'admin' });
const actor = actorFor(admin, { ipAddress: '192.0.2.11' });

let batch = 0;
/** A tag prefix unique to one test, so tests sharing the database never see each other's rows. */
const newPrefix = () => `IMP${++batch}X`;
const csv = (...lines: string[]) => lines.join('\n') + '\n';
const run = (text: string, mode: ImportMode = 'all', dryRun = false, onProgress?: (progress: ImportProgress) => void) =>
  importAssets(db, actor, { csv: text, mode, dryRun, fileName: 'assets.csv', onProgress });
const tagsWith = async (prefix: string) =>
  (await listAssets(db, actor, assetListSchema.parse({ q: prefix, sort: 'tag', dir: 'asc', pageSize: '100' }))).items;

describe('CSV import', () => {
  test('reports every bad row with its line number and reason', async () => {
    const p = newPrefix();
    const existing = await db.transaction((tx) =>
      createAsset(tx, actor, { assetTag: `${p}-OLD`, name: 'Has the serial', serial: `${p}-SN-TAKEN` }),
    );
    const result = await run(
      csv(
        'Asset Tag,Name,Status,Purchase Date,purchase_cost,serial',
        `${p}-1,Good laptop,in_stock,2024-01-15,1299.00,${p}-SN-1`,
        `${p}-2,Bad status,broken,,,`,
        `${p}-3,Bad date,,2024-13-01,,`,
        `${p}-4,,in_stock,,,`,
        `${p.toLowerCase()}-1,Duplicate of line 2,,,,`,
        `${p}-6,Serial taken,,,,${p}-sn-taken`,
        `${p}-7,Bad cost,,,12.345,`,
        `${p}-8,Serial twice,,,,${p}-SN-1`,
        `,No tag,,,,`,
      ),
    );
    assert.deepEqual(result.errors, [
      { line: 3, message: 'unknown status "broken" (use one of in_stock, deployed, in_repair, retired, lost)' },
      {
        line: 4,
        message:
          'bad date in purchase_date: "2024-13-01" (There is no 2024-13-01 on the calendar; enter a real date as YYYY-MM-DD.)',
      },
      { line: 5, message: `missing name for ${p}-4` },
      { line: 6, message: `duplicate asset tag ${p.toLowerCase()}-1 (also on line 2)` },
      { line: 7, message: `serial ${p}-sn-taken already used by ${existing.assetTag}` },
      {
        line: 8,
        message: 'bad purchase_cost "12.345" (use an amount of 0 or more with at most 2 decimals, e.g. 1299.00)',
      },
      { line: 9, message: `duplicate serial ${p}-SN-1 (also on line 2)` },
      { line: 10, message: 'missing asset_tag' },
    ]);
    assert.deepEqual(
      [result.applied, result.created, result.updated, result.skipped, result.total],
      [false, 0, 0, 9, 9],
    );
  });

  test('a file with one bad row changes nothing', async () => {
    const p = newPrefix();
    await db.transaction((tx) => createAsset(tx, actor, { assetTag: `${p}-1`, name: 'Before' }));
    const [{ before }] = await rows<{ before: number }>(
      sql`select count(*)::int as before from audit_log where action = 'asset.import'`,
    );
    const result = await run(
      csv('asset_tag,name,warranty_end', `${p}-1,After,2027-01-01`, `${p}-2,New one,`, `${p}-3,Bad,2027-02-30`),
    );
    assert.deepEqual(result.errors, [
      {
        line: 4,
        message:
          'bad date in warranty_end: "2027-02-30" (There is no 2027-02-30 on the calendar; enter a real date as YYYY-MM-DD.)',
      },
    ]);
    assert.equal(result.applied, false);
    assert.deepEqual(
      (await tagsWith(p)).map((asset) => [asset.assetTag, asset.name]),
      [[`${p}-1`, 'Before']],
    );
    const [{ after }] = await rows<{ after: number }>(
      sql`select count(*)::int as after from audit_log where action = 'asset.import'`,
    );
    assert.equal(after, before);
  });

  test('"import only the valid rows" imports the good rows and skips the bad ones, with one audit row', async () => {
    const p = newPrefix();
    const result = await run(
      csv('asset_tag,name,status', `${p}-1,One,in_stock`, `${p}-2,Two,nope`, `${p}-3,Three,In repair`),
      'valid-only',
    );
    assert.deepEqual([result.applied, result.created, result.updated, result.skipped], [true, 2, 0, 1]);
    assert.deepEqual(
      result.errors.map((error) => error.line),
      [3],
    );
    assert.deepEqual(
      (await tagsWith(p)).map((asset) => [asset.assetTag, asset.status]),
      [
        [`${p}-1`, 'in_stock'],
        [`${p}-3`, 'in_repair'],
      ],
    );
    const audit = await rows<{ details: unknown }>(
      sql`select details from audit_log where action = 'asset.import' order by id desc limit 1`,
    );
    const details = typeof audit[0].details === 'string' ? JSON.parse(audit[0].details) : audit[0].details;
    assert.deepEqual(details, {
      fileName: 'assets.csv',
      mode: 'valid-only',
      encoding: 'utf-8',
      created: 2,
      updated: 0,
      skipped: 1,
      errors: 1,
    });
  });

  test('creates or updates by asset tag, ignoring case; blank cells keep the existing value', async () => {
    const p = newPrefix();
    const existing = await db.transaction((tx) =>
      createAsset(tx, actor, { assetTag: `${p}-1`, name: 'Old name', model: 'Room 1', serial: `${p}-SN` }),
    );
    const result = await run(
      csv(
        'asset_tag,name,location,model,serial,purchase_cost',
        `${p.toLowerCase()}-1,New name,,,${p}-SN,10`,
        `${p}-2,Brand new,Room 2,,,`,
      ),
    );
    assert.deepEqual([result.applied, result.created, result.updated, result.errors], [true, 1, 1, []]);
    const [first, second] = await tagsWith(p);
    assert.equal(first.id, existing.id);
    assert.deepEqual(
      [first.assetTag, first.name, first.model, first.purchaseCost, first.version],
      [`${p.toLowerCase()}-1`, 'New name', 'Room 1', '10.00', 2],
    );
    assert.deepEqual(
      [second.name, second.location, second.category, second.status],
      ['Brand new', 'Room 2', 'Other', 'in_stock'],
    );
  });

  test('a dry run reports what would happen, changes nothing, and reports progress', async () => {
    const p = newPrefix();
    const progress: ImportProgress[] = [];
    const result = await run(csv('asset_tag,name', `${p}-1,One`, `${p}-2,Two`), 'all', true, (step) =>
      progress.push(step),
    );
    assert.deepEqual([result.dryRun, result.applied, result.created, result.updated], [true, false, 2, 0]);
    assert.deepEqual(await tagsWith(p), []);
    assert.deepEqual(progress.at(-1), {
      phase: 'checking',
      rows: 2,
      bytes: Buffer.byteLength(csv('asset_tag,name', `${p}-1,One`, `${p}-2,Two`)),
    });
  });

  test('status rules: deployed comes from check-out only; a checked-out asset keeps its status', async () => {
    const p = newPrefix();
    const requester = await createTestUser(db, { role: 'requester' });
    const out = await db.transaction((tx) => createAsset(tx, actor, { assetTag: `${p}-OUT`, name: 'Checked out' }));
    await db.transaction((tx) => checkOutAsset(tx, actor, { assetId: out.id, userId: requester.id }));
    const result = await run(
      csv('asset_tag,name,status', `${p}-NEW,New,deployed`, `${p}-OUT,Checked out,retired`, `${p}-OUT2,Fine,`),
      'valid-only',
    );
    assert.deepEqual(
      result.errors.map((error) => error.line),
      [2, 3],
    );
    assert.match(result.errors[1].message, /checked out; check it in/);
    assert.equal(result.created, 1);
  });

  test('headers without asset_tag or name, unreadable CSV and too many rows are refused clearly', async () => {
    const missing = await run(csv('tag,title', 'A,B'));
    assert.deepEqual(
      missing.errors.map((error) => error.line),
      [1, 1],
    );
    assert.match(missing.errors[0].message, /no asset_tag column/);
    await assert.rejects(
      run(csv('asset_tag,name', 'A-1,"unclosed')),
      (error: unknown) => error instanceof AppError && /line \d+: the file is not valid CSV/.test(error.message),
    );
    const huge =
      'asset_tag,name\n' + Array.from({ length: maxImportRows + 1 }, (_, index) => `H-${index},x`).join('\n');
    await assert.rejects(
      run(huge, 'all', true),
      (error: unknown) => error instanceof AppError && error.code === 'payload_too_large',
    );
  });

  test('a row with more or fewer cells than the header, or a header naming a column twice, is refused', async () => {
    const p = newPrefix();
    const result = await run(
      csv(
        'asset_tag,name,category,serial,notes',
        `${p}-1,Laptop,SN-77`,
        `${p}-2,Desk,Furniture,,,EXTRA`,
        `${p}-3,Ok,,,`,
      ),
      'all',
      true,
    );
    assert.deepEqual(result.errors, [
      { line: 2, message: 'the row has 3 cells and the header 5; give every row one cell per column' },
      { line: 3, message: 'the row has 6 cells and the header 5; give every row one cell per column' },
    ]);
    const semicolons = await run(csv('asset_tag;name;category', `${p}-5;Laptop;Laptop`));
    assert.deepEqual(semicolons.errors, [
      {
        line: 1,
        message:
          'the file separates its cells with ";": save it as CSV with commas (in Excel, "CSV UTF-8 (Comma delimited)")',
      },
    ]);
    const twice = await run(csv('asset_tag,name,Name', `${p}-4,Laptop,`));
    assert.deepEqual(twice.errors, [{ line: 1, message: 'the header names the name column more than once' }]);
    assert.deepEqual(await tagsWith(p), []);
  });

  test('a quoted cell spanning lines does not shift the line numbers of later rows', async () => {
    const p = newPrefix();
    const result = await run(
      csv('asset_tag,name,notes', `${p}-1,One,"first line`, `second line"`, `${p}-2,Two,`, `${p}-3,,`),
      'all',
      true,
    );
    assert.deepEqual(result.errors, [{ line: 5, message: `missing name for ${p}-3` }]);
  });
});
