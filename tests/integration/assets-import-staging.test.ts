import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { importAssets, type ImportMode, type ImportProgress } from '../../lib/assets/csv-import';
import { discardAbandonedImports } from '../../lib/assets/import/staging';
import { createAsset, updateAsset } from '../../lib/assets/mutations';
import { findAsset, listAssets } from '../../lib/assets/queries';
import { assetListSchema } from '../../lib/assets/schemas';
import { addCatalogValue } from '../../lib/catalog/admin';
import { addCustomField } from '../../lib/custom-fields/admin';
import { closeDatabase, getDb, type Database } from '../../lib/db/client';
import { queryRows } from '../../lib/db/rows';
import { assetCsv } from '../support/asset-csv';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// An import puts its checked rows aside a batch per short transaction and applies them in one last
// transaction: other requests reach the database in between (on the embedded database too, whose
// one connection a transaction holds), and the import stays all or nothing, even when its process
// is killed midway.
const database = await useTestDatabase();
const { rows } = database;
const admin = await createTestUser(database.db, { role: 'admin' });
const actor = actorFor(admin, { ipAddress: '192.0.2.13' });

let batch = 0;
const newPrefix = () => `STG${++batch}X`;
const run = async (csv: string, mode: ImportMode = 'all', onProgress?: (progress: ImportProgress) => unknown) =>
  importAssets(await getDb(), actor, {
    csv,
    mode,
    dryRun: false,
    fileName: 'staged.csv',
    onProgress: async (progress) => void (await onProgress?.(progress)),
  });
const assetsTagged = async (prefix: string) =>
  (await listAssets(await getDb(), actor, assetListSchema.parse({ q: prefix, pageSize: '1' }))).total;
const waiting = async () => {
  const [counted] = await rows<{ imports: number; lines: number }>(
    sql`select (select count(*)::int from asset_imports) as imports, (select count(*)::int from asset_import_rows) as lines`,
  );
  return counted;
};
const importAudits = async () =>
  (await rows<{ audits: number }>(sql`select count(*)::int as audits from audit_log where action = 'asset.import'`))[0]
    .audits;

describe('CSV import: rows put aside until one last transaction', () => {
  test('a request for the asset list is answered between batches, while the import is still reading its file', async () => {
    const p = newPrefix();
    const events: string[] = [];
    let listing: Promise<unknown> | undefined;
    const result = await run(assetCsv(1500, p), 'all', (progress) => {
      events.push(`progress ${progress.rows}`);
      // Not awaited: another user's request, made while this import goes on.
      listing ??= listAssets(database.db, actor, assetListSchema.parse({ pageSize: '25' })).then(() =>
        events.push('asset list answered'),
      );
    });
    events.push('import ended');
    await listing;
    assert.equal(result.created, 1500);
    const answered = events.indexOf('asset list answered');
    assert.ok(answered > 0, events.join(', '));
    assert.ok(answered < events.indexOf('progress 1500'), `answered only after the last batch: ${events.join(', ')}`);
  });

  test('while the import reads its file none of its assets exist; then all of them at once, and nothing is left aside', async () => {
    const p = newPrefix();
    const seen: { assets: number; lines: number }[] = [];
    const result = await run(assetCsv(350, p), 'all', async () =>
      seen.push({ assets: await assetsTagged(p), lines: (await waiting()).lines }),
    );
    assert.deepEqual([result.applied, result.created], [true, 350]);
    assert.deepEqual(seen, [
      { assets: 0, lines: 100 },
      { assets: 0, lines: 200 },
      { assets: 0, lines: 300 },
      { assets: 0, lines: 350 },
    ]);
    assert.equal(await assetsTagged(p), 350);
    assert.deepEqual(await waiting(), { imports: 0, lines: 0 });
  });

  test('a tag another user takes meanwhile is refused by its line; in "all" mode nothing of the file is applied', async () => {
    const p = newPrefix();
    const audits = await importAudits();
    const takeTag = (tag: string) =>
      database.db.transaction((tx) => createAsset(tx, actor, { assetTag: tag, name: 'Saved meanwhile' }));
    let taken = false;
    const takeOnce = async (tag: string) => {
      if (!taken) await takeTag(tag);
      taken = true;
    };
    const all = await run(assetCsv(250, p), 'all', () => takeOnce(`${p}-00050`));
    assert.deepEqual(
      [all.applied, all.created, all.errors],
      [false, 0, [{ line: 51, message: 'the asset tag or serial was just taken by another asset' }]],
    );
    assert.equal(await assetsTagged(p), 1, 'only the asset saved meanwhile');
    assert.equal(await importAudits(), audits);
    assert.deepEqual(await waiting(), { imports: 0, lines: 0 });

    const q = newPrefix();
    taken = false;
    const validOnly = await run(assetCsv(250, q), 'valid-only', () => takeOnce(`${q}-00050`));
    assert.deepEqual(
      [validOnly.applied, validOnly.created, validOnly.skipped, validOnly.errors.map((error) => error.line)],
      [true, 249, 1, [51]],
    );
    assert.equal(await assetsTagged(q), 250);
  });

  test('a serial an earlier batch moves off an asset is free for a new asset in a later batch', async () => {
    const p = newPrefix();
    await database.db.transaction((tx) =>
      createAsset(tx, actor, { assetTag: `${p}-OLD`, name: 'Keeps its tag', serial: `${p}-SN1` }),
    );
    const fillers = Array.from({ length: 120 }, (_, index) => `${p}-F${index},Filler ${index},`);
    const result = await run(
      [
        'asset_tag,name,serial',
        `${p}-OLD,Keeps its tag,${p}-SN2`,
        ...fillers,
        `${p}-NEW,Takes the old serial,${p}-SN1`,
      ].join('\n'),
    );
    assert.deepEqual([result.applied, result.created, result.updated, result.errors], [true, 121, 1, []]);
    const [moved] = await rows<{ tag: string; serial: string }>(
      sql`select asset_tag as tag, serial from assets where serial = ${`${p}-SN1`}`,
    );
    assert.deepEqual(moved, { tag: `${p}-NEW`, serial: `${p}-SN1` });
  });

  test('an asset someone edits between the check and the apply keeps the edit; its line is refused, the others land', async () => {
    const p = newPrefix();
    const category = await database.db.transaction((tx) =>
      addCatalogValue(tx, actor, { kind: 'category', name: `${p} Laptop` }),
    );
    for (const field of [
      { name: 'RAM GB', kind: 'number' as const },
      { name: 'Colour', kind: 'choice' as const, options: 'Black, Silver' },
    ])
      await database.db.transaction((tx) =>
        addCustomField(tx, actor, { categoryId: category.id, required: false, ...field }),
      );
    const laptop = (tag: string) =>
      database.db.transaction((tx) =>
        createAsset(tx, actor, {
          assetTag: tag,
          name: 'Old name',
          category: category.name,
          customFields: { 'RAM GB': 8, Colour: 'Black' },
        }),
      );
    const edited = await laptop(`${p}-EDITED`);
    const untouched = await laptop(`${p}-UNTOUCHED`);
    // The file's RAM for each laptop, worked out against its values as they are when checked.
    const file = [
      'asset_tag,name,ram_gb',
      `${p}-EDITED,Renamed by the file,16`,
      `${p}-UNTOUCHED,Renamed by the file,16`,
      `${p}-NEW,New from the file,`,
    ].join('\n');
    let edits = 0;
    const editMeanwhile = async () => {
      const current = await findAsset(database.db, actor, edited.id);
      await database.db.transaction((tx) =>
        updateAsset(tx, actor, {
          assetId: edited.id,
          notes: `Edited meanwhile (${++edits})`,
          customFields: { Colour: 'Silver' },
          version: current.version,
        }),
      );
    };
    const refusedLine = {
      line: 2,
      message: 'the asset was changed by someone else since the file was checked; import this line again',
    };

    const all = await run(file, 'all', editMeanwhile);
    assert.deepEqual([all.applied, all.created, all.updated, all.errors], [false, 0, 0, [refusedLine]]);
    assert.equal((await findAsset(database.db, actor, untouched.id)).name, 'Old name', 'nothing applied in "all" mode');

    const validOnly = await run(file, 'valid-only', editMeanwhile);
    assert.deepEqual(
      [validOnly.applied, validOnly.created, validOnly.updated, validOnly.skipped, validOnly.errors],
      [true, 1, 1, 1, [refusedLine]],
    );
    const kept = await findAsset(database.db, actor, edited.id);
    assert.deepEqual(
      [kept.name, kept.notes, kept.customFields],
      ['Old name', 'Edited meanwhile (2)', { 'RAM GB': 8, Colour: 'Silver' }],
    );
    const updated = await findAsset(database.db, actor, untouched.id);
    assert.deepEqual([updated.name, updated.customFields], ['Renamed by the file', { 'RAM GB': 16, Colour: 'Black' }]);
    assert.equal(await assetsTagged(`${p}-NEW`), 1);
    assert.deepEqual(await waiting(), { imports: 0, lines: 0 });
  });

  test('an import idle past the limit, and rows whose import is gone, are deleted by the next import, never applied', async () => {
    const p = newPrefix();
    const [stale] = await rows<{ id: string }>(
      sql`insert into asset_imports (touched_at) values (now() - interval '11 minutes') returning id`,
    );
    await rows(sql`insert into asset_import_rows (import_id, line, asset_tag, name) values
      (${stale.id}, 2, ${`${p}-LEFT`}, 'Left by a dead server'),
      (gen_random_uuid(), 2, ${`${p}-ORPHAN`}, 'Its import is gone')`);
    const [live] = await rows<{ id: string }>(sql`insert into asset_imports default values returning id`);
    await rows(sql`insert into asset_import_rows (import_id, line, asset_tag, name)
      values (${live.id}, 2, ${`${p}-LIVE`}, 'Another import, still running')`);
    const result = await run(`asset_tag,name\n${p}-1,Fresh\n`);
    assert.deepEqual([result.applied, result.created], [true, 1]);
    assert.equal(await assetsTagged(p), 1);
    const left = await rows<{ tag: string }>(sql`select asset_tag as tag from asset_import_rows`);
    assert.deepEqual([...left], [{ tag: `${p}-LIVE` }], 'the running import keeps its rows');
    assert.deepEqual(await discardAbandonedImports(database.db, { everyImport: true }), { imports: 1, rows: 1 });
    assert.deepEqual(await waiting(), { imports: 0, lines: 0 });
  });
});

describe('CSV import: a process killed midway', () => {
  const childScript = path.join(import.meta.dirname, '..', 'support', 'import-and-die.ts');
  let child: ChildProcess | undefined;
  after(() => child?.kill('SIGKILL'));

  /** Starts an import in another process; resolves once it has put rows aside and waits. */
  function startImporting(rowCount: number, prefix: string): Promise<number> {
    child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', childScript, admin.id, admin.username, String(rowCount), prefix],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    return new Promise((resolve, reject) => {
      child!.stdout!.on('data', (chunk: Buffer) => {
        const staged = /staged (\d+)/.exec(chunk.toString());
        if (staged) resolve(Number(staged[1]));
      });
      child!.once('exit', (code) => reject(new Error(`the import process exited early with code ${code}`)));
    });
  }

  test('SIGKILL midway leaves no asset; its rows aside are deleted unapplied, and the same file imports whole', async () => {
    const p = newPrefix();
    // PGlite: one process at a time may open the data directory (the server restarting after a crash).
    if (database.kind === 'pglite') await closeDatabase();
    const staged = await startImporting(1000, p);
    assert.equal(staged, 300);
    await new Promise<void>((resolve) => {
      child!.once('exit', () => resolve());
      child!.kill('SIGKILL');
    });
    child = undefined;

    const db = await getDb();
    const [left] = await queryCounts(db, p);
    assert.deepEqual(left, { assets: 0, imports: 1, lines: 300 });
    if (database.kind === 'pglite') {
      // What the server does on starting: on the embedded database no import can still be running.
      assert.deepEqual(await discardAbandonedImports(db, { everyImport: true }), { imports: 1, rows: 300 });
    } else {
      // Another server may still be importing: the rows go once the import has been idle long enough.
      assert.deepEqual(await discardAbandonedImports(db), { imports: 0, rows: 0 });
      await db.execute(sql`update asset_imports set touched_at = now() - interval '11 minutes'`);
    }
    const again = await run(assetCsv(1000, p));
    assert.deepEqual([again.applied, again.created, again.errors], [true, 1000, []]);
    const [done] = await queryCounts(db, p);
    assert.deepEqual(done, { assets: 1000, imports: 0, lines: 0 });
  });

  const queryCounts = (db: Database, prefix: string) =>
    queryRows<{ assets: number; imports: number; lines: number }>(
      db,
      sql`select (select count(*)::int from assets where asset_tag like ${`${prefix}-%`}) as assets,
        (select count(*)::int from asset_imports) as imports, (select count(*)::int from asset_import_rows) as lines`,
    );
});
