import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { importAssets, type ImportMode, type ImportProgress, type ImportRequest } from '../../lib/assets/csv-import';
import { listAssets } from '../../lib/assets/queries';
import { assetListSchema } from '../../lib/assets/schemas';
import { AppError } from '../../lib/errors';
import { assetCsv } from '../support/asset-csv';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// The import reads its file as a stream: bytes in any chunking, decoded strictly, checked and
// written in batches, with the database's own refusals reported by line.
const { db, rows } = await useTestDatabase();
const admin = await createTestUser(db, { role: 'admin' });
const actor = actorFor(admin, { ipAddress: '192.0.2.12' });

let batch = 0;
const newPrefix = () => `STR${++batch}X`;
const run = (csv: ImportRequest['csv'], mode: ImportMode = 'all', onProgress?: (progress: ImportProgress) => void) =>
  importAssets(db, actor, { csv, mode, dryRun: false, fileName: 'assets.csv', onProgress });
const names = async (prefix: string) =>
  (
    await listAssets(db, actor, assetListSchema.parse({ q: prefix, sort: 'tag', dir: 'asc', pageSize: '100' }))
  ).items.map((asset) => [asset.assetTag, asset.name, asset.notes]);
/** The bytes as a request body delivers them: in pieces of `size` bytes, each when asked for. */
function inPieces(bytes: Buffer, size: number): ReadableStream<Uint8Array> {
  let start = 0;
  return new ReadableStream({
    pull(controller) {
      if (start >= bytes.length) controller.close();
      else controller.enqueue(bytes.subarray(start, (start += size)));
    },
  });
}

describe('CSV import: encodings', () => {
  test('a Latin-1 (Windows-1252) file is read as such, and the result says so', async () => {
    const p = newPrefix();
    // "latin1" writes one byte per character; 0x80 is the euro sign in Windows-1252 only.
    const file = Buffer.from(
      `asset_tag,name,notes\r\n${p}-1,Café display,Bürokraft \x80 12\r\n${p}-2,Plain,\r\n`,
      'latin1',
    );
    const result = await run(file);
    assert.deepEqual([result.applied, result.created, result.encoding], [true, 2, 'windows-1252']);
    assert.match(result.notice ?? '', /^The file was read as Windows-1252 \(Latin-1\)/);
    assert.deepEqual(await names(p), [
      [`${p}-1`, 'Café display', 'Bürokraft € 12'],
      [`${p}-2`, 'Plain', null],
    ]);
  });

  test('UTF-8 with a BOM, arriving a byte at a time (mid-character, mid-line ending), is read exactly', async () => {
    const p = newPrefix();
    const text = `\uFEFFasset_tag,name,notes\r\n${p}-1,Café,"two\r\nlines"\r\n${p}-2,,\r\n`;
    const result = await run(inPieces(Buffer.from(text), 1), 'valid-only');
    assert.deepEqual([result.encoding, result.notice, result.created], ['utf-8', null, 1]);
    assert.deepEqual(result.errors, [{ line: 4, message: `missing name for ${p}-2` }]);
    assert.deepEqual(await names(p), [[`${p}-1`, 'Café', 'two\nlines']]);
  });

  test('bytes that turn invalid after UTF-8 text are refused, naming the line; nothing is written', async () => {
    const p = newPrefix();
    const file = Buffer.concat([
      Buffer.from(`asset_tag,name\n${p}-1,Café\n${p}-2,Caf`),
      Buffer.from([0xe9]),
      Buffer.from(`\n`),
    ]);
    await assert.rejects(
      run(file, 'valid-only'),
      (error: unknown) =>
        error instanceof AppError && /^line 3: this line is not UTF-8 text \(byte 0xE9\)/.test(error.message),
    );
    assert.deepEqual(await names(p), []);
  });

  test('a UTF-16 file is refused with what to do', async () => {
    const file = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('asset_tag,name\n', 'utf16le')]);
    await assert.rejects(
      run(file),
      (error: unknown) => error instanceof AppError && /UTF-16.*CSV UTF-8/.test(error.message),
    );
  });

  test('a replacement character already in the file is a row error, never stored silently', async () => {
    const p = newPrefix();
    const result = await run(`asset_tag,name\n${p}-1,Caf\uFFFD\n${p}-2,Fine\n`, 'valid-only');
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0].line, 2);
    assert.match(result.errors[0].message, /^name contains \uFFFD/);
    assert.deepEqual(await names(p), [[`${p}-2`, 'Fine', null]]);
  });
});

describe('CSV import: batches', () => {
  test('a large file reports progress batch by batch and keeps line numbers across batches', async () => {
    const p = newPrefix();
    const lines = assetCsv(1200, p).split('\n');
    lines[1101] = `${p}-LATE${','.repeat(lines[0].split(',').length - 1)}`; // line 1102 of the file: no name
    const progress: ImportProgress[] = [];
    const result = await run(lines.join('\n'), 'valid-only', (step) => progress.push(step));
    assert.deepEqual(result.errors, [{ line: 1102, message: `missing name for ${p}-LATE` }]);
    assert.deepEqual([result.total, result.created, result.skipped], [1200, 1199, 1]);
    assert.ok(progress.length > 2, 'progress after each batch, not only at the end');
    assert.equal(progress.at(-1)?.rows, 1200);
    assert.equal(progress.at(-1)?.bytes, Buffer.byteLength(lines.join('\n')));
    assert.ok(progress.every((step, index) => index === 0 || step.rows > progress[index - 1].rows));
  });

  test('a date the database cannot store (year 0) is an error on its line, not a failed import', async () => {
    const p = newPrefix();
    const file = `asset_tag,name,purchase_date\n${p}-1,Fine,2024-01-01\n${p}-2,Year zero,0000-01-01\n${p}-3,Fine too,\n`;
    const all = await run(file);
    assert.equal(all.applied, false);
    assert.deepEqual(
      all.errors.map((error) => error.line),
      [3],
    );
    assert.match(all.errors[0].message, /date/);
    assert.deepEqual(await names(p), []);
    const validOnly = await run(file, 'valid-only');
    assert.deepEqual([validOnly.applied, validOnly.created, validOnly.errors.length], [true, 2, 1]);
  });

  test('a control character (NUL) is an error on its line; the rest of the batch is written', async () => {
    const p = newPrefix();
    const result = await run(
      `asset_tag,name,notes\n${p}-1,One,\n${p}-2,Two,nul\u0000here\n${p}-3,Three,\n`,
      'valid-only',
    );
    assert.deepEqual(result.errors, [
      { line: 3, message: 'notes: Remove the control character (NUL) from this field.' },
    ]);
    assert.deepEqual(
      (await names(p)).map(([tag]) => tag),
      [`${p}-1`, `${p}-3`],
    );
    const [{ audits }] = await rows<{ audits: number }>(
      sql`select count(*)::int as audits from audit_log where action = 'asset.import' and details->>'created' = '2'`,
    );
    assert.ok(audits >= 1);
  });
});
