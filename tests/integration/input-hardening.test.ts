import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { listAuditEntries } from '../../lib/audit/queries';
import { checkOutAsset } from '../../lib/assets/assignments';
import { verifyPassword } from '../../lib/auth/password';
import { importAssets } from '../../lib/assets/csv-import';
import { createAsset, updateAsset } from '../../lib/assets/mutations';
import { listAssets } from '../../lib/assets/queries';
import { assetListSchema, strictAssetListSchema } from '../../lib/assets/schemas';
import { refusedValue } from '../../lib/db/errors';
import { AppError } from '../../lib/errors';
import { parseListParamsLeniently } from '../../lib/list-params';
import { createLicense, updateLicense } from '../../lib/licenses/mutations';
import { listLicenses } from '../../lib/licenses/queries';
import { licenseListSchema } from '../../lib/licenses/schemas';
import { describeError } from '../../lib/log';
import { listTickets } from '../../lib/tickets/list';
import { addComment, createTicket, updateTicket } from '../../lib/tickets/mutations';
import { ticketListPageSchema, ticketListQuerySchema } from '../../lib/tickets/schemas';
import { createUser } from '../../lib/users/mutations';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, testCommandLine, uniqueUsername } from '../support/users';

// PostgreSQL refuses NUL in text and dates it cannot store (year 0, 2026-02-30); every door that
// takes text or a date refuses them first, with a message by the field, so none becomes a 500.

const { db, rows } = await useTestDatabase();
const admin = actorFor(await createTestUser(db, { role: 'admin' }));
const agent = actorFor(await createTestUser(db, { role: 'agent' }));
const plantedKey = 'PLANTED-KEY-4F7A-91C2';
let counter = 0;
const uniqueTag = () => `HARD-${Date.now().toString(36)}-${++counter}`;

/** Expects validation_failed with `message` on `field`. */
function refusedOn(field: string, message: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, 'validation_failed', error.message);
    assert.match(error.fields?.[field] ?? '', message, JSON.stringify(error.fields));
    return true;
  };
}
const controlRefused = (field: string) => refusedOn(field, /^Remove the control character \(.+\) from this field\.$/);
const rangeRefused = (field: string) => refusedOn(field, /between 1900-01-01 and 2999-12-31/);
const calendarRefused = (field: string) => refusedOn(field, /There is no 2026-02-30 on the calendar/);

describe('text with a NUL or another control character is refused by field', () => {
  test('users: username, display name and email, also when a password is sent with them', async () => {
    for (const [field, value] of [
      ['username', 'eve\u0000'],
      ['displayName', 'Eve\u0000Adams'],
      ['email', 'eve@example.com\u0000'],
    ]) {
      await assert.rejects(
        db.transaction((tx) =>
          createUser(tx, admin, {
            username: uniqueUsername('eve'),
            role: 'requester',
            password: 'a perfectly good password',
            [field]: value,
          }),
        ),
        controlRefused(field),
      );
    }
  });

  test('the command line gets the same refusals as a signed-in admin', async () => {
    await assert.rejects(
      db.transaction((tx) =>
        createUser(tx, testCommandLine, { username: 'tab\u0009name', role: 'admin', password: 'a good password' }),
      ),
      controlRefused('username'),
    );
  });

  test('a NUL in a password never reaches the database: the account is created and the password checks', async () => {
    const user = await createTestUser(db, { role: 'requester', password: 'pass\u0000word-long' });
    const [{ hash }] = await rows<{ hash: string }>(sql`select password_hash as hash from users where id = ${user.id}`);
    assert.equal(await verifyPassword('pass\u0000word-long', hash), true);
    assert.equal(await verifyPassword('pass', hash), false);
  });

  test('tickets: title, description, category and comments', async () => {
    await assert.rejects(
      db.transaction((tx) => createTicket(tx, agent, { title: 'Printer\u0000jam' })),
      controlRefused('title'),
    );
    await assert.rejects(
      db.transaction((tx) => createTicket(tx, agent, { title: 'Printer', description: 'line 1\n\u0000' })),
      controlRefused('description'),
    );
    await assert.rejects(
      db.transaction((tx) => createTicket(tx, agent, { title: 'Printer', category: 'Hard\nware' })),
      controlRefused('category'),
    );
    const ticket = await db.transaction((tx) =>
      createTicket(tx, agent, { title: 'Printer', description: 'Tabs\tand\r\nline breaks stay.' }),
    );
    await assert.rejects(
      db.transaction((tx) => updateTicket(tx, agent, { ticketId: ticket.id, version: 1, title: 'New\u0000title' })),
      controlRefused('title'),
    );
    await assert.rejects(
      db.transaction((tx) => addComment(tx, agent, { ticketId: ticket.id, body: 'Fixed\u0000' })),
      controlRefused('body'),
    );
  });

  test('assets: every text field, on create and on update', async () => {
    for (const field of ['assetTag', 'name', 'category', 'manufacturer', 'model', 'serial', 'notes']) {
      await assert.rejects(
        db.transaction((tx) => createAsset(tx, agent, { assetTag: uniqueTag(), name: 'Laptop', [field]: 'x\u0000y' })),
        controlRefused(field),
      );
    }
    const asset = await db.transaction((tx) => createAsset(tx, agent, { assetTag: uniqueTag(), name: 'Laptop' }));
    await assert.rejects(
      db.transaction((tx) =>
        updateAsset(tx, agent, { assetId: asset.id, version: asset.version, serial: 'SN\u001b1' }),
      ),
      controlRefused('serial'),
    );
  });

  test('licenses: name, vendor, product key and notes, on create and on update', async () => {
    for (const field of ['name', 'vendor', 'productKey', 'notes']) {
      await assert.rejects(
        db.transaction((tx) =>
          createLicense(tx, agent, { name: 'Office', seats: 5, productKey: plantedKey, [field]: 'x\u0000y' }),
        ),
        controlRefused(field),
      );
    }
    const license = await db.transaction((tx) => createLicense(tx, agent, { name: 'Office', seats: 5 }));
    await assert.rejects(
      db.transaction((tx) => updateLicense(tx, agent, { licenseId: license.id, version: 1, vendor: 'Con\u0000toso' })),
      controlRefused('vendor'),
    );
  });

  test("the audit log's filters", async () => {
    for (const field of ['action', 'person', 'kind', 'q'])
      await assert.rejects(listAuditEntries(db, admin, { [field]: 'user\u0000' } as never), controlRefused(field));
  });
});

describe('a search with a NUL', () => {
  const search = { q: 'print\u0000er', category: 'x\u0000' };

  test('is a 400 with a message on the JSON lists', () => {
    for (const schema of [strictAssetListSchema, licenseListSchema.strict(), ticketListQuerySchema]) {
      const parsed = schema.safeParse({ q: search.q });
      assert.equal(parsed.error?.issues[0]?.message, 'Remove the control character (NUL) from this field.');
    }
  });

  test('is ignored on the pages, which list as if it were not there', async () => {
    const assetsPage = await listAssets(db, agent, parseListParamsLeniently(assetListSchema, search));
    const licensesPage = await listLicenses(db, agent, parseListParamsLeniently(licenseListSchema, search));
    const ticketsPage = await listTickets(db, agent, parseListParamsLeniently(ticketListPageSchema, search));
    for (const page of [assetsPage, licensesPage, ticketsPage]) assert.equal(page.page, 1);
  });
});

describe('dates PostgreSQL cannot store, or that cannot be meant, are refused by field', () => {
  test('assets: purchase date and warranty end, on create and on update', async () => {
    const create = (fields: Record<string, string>) =>
      db.transaction((tx) => createAsset(tx, agent, { assetTag: uniqueTag(), name: 'Laptop', ...fields }));
    await assert.rejects(create({ purchaseDate: '0000-01-01' }), rangeRefused('purchaseDate'));
    await assert.rejects(create({ warrantyEnd: '3000-01-01' }), rangeRefused('warrantyEnd'));
    await assert.rejects(create({ purchaseDate: '2026-02-30' }), calendarRefused('purchaseDate'));
    const asset = await create({ purchaseDate: '1999-12-31', warrantyEnd: '2999-12-31' });
    assert.equal(asset.warrantyEnd, '2999-12-31');
    await assert.rejects(
      db.transaction((tx) =>
        updateAsset(tx, agent, { assetId: asset.id, version: asset.version, warrantyEnd: '0001-01-01' }),
      ),
      rangeRefused('warrantyEnd'),
    );
    await assert.rejects(
      db.transaction((tx) =>
        checkOutAsset(tx, agent, { assetId: asset.id, userId: agent.id, expectedReturn: '3000-01-01' }),
      ),
      rangeRefused('expectedReturn'),
    );
  });

  test('licenses: the expiry date, on create and on update', async () => {
    await assert.rejects(
      db.transaction((tx) => createLicense(tx, agent, { name: 'Office', seats: 1, expiresAt: '0000-12-31' })),
      rangeRefused('expiresAt'),
    );
    const license = await db.transaction((tx) => createLicense(tx, agent, { name: 'Office', seats: 1 }));
    await assert.rejects(
      db.transaction((tx) => updateLicense(tx, agent, { licenseId: license.id, version: 1, expiresAt: '2026-02-30' })),
      calendarRefused('expiresAt'),
    );
  });

  test("the audit log's from and to", async () => {
    await assert.rejects(listAuditEntries(db, admin, { from: '2026-02-30' } as never), calendarRefused('from'));
    await assert.rejects(listAuditEntries(db, admin, { to: '0000-01-01' } as never), rangeRefused('to'));
  });

  test('a CSV import names the line of a bad date or a control character, and checks every other row', async () => {
    const csv =
      'asset_tag,name,purchase_date,warranty_end,notes\n' +
      'CSV-1,Laptop,2024-01-31,,"two\nlines"\n' +
      'CSV-2,Laptop,0000-01-01,,\n' +
      'CSV-3,Laptop,,2026-02-30,\n' +
      'CSV-4,Lap\u0000top,,,\n' +
      'CSV-5,Laptop,,,a\u0007bell\n';
    const result = await importAssets(db, admin, { csv, mode: 'valid-only', dryRun: true });
    assert.deepEqual(result.errors, [
      { line: 4, message: 'bad date in purchase_date: "0000-01-01" (Enter a date between 1900-01-01 and 2999-12-31.)' },
      {
        line: 5,
        message:
          'bad date in warranty_end: "2026-02-30" (There is no 2026-02-30 on the calendar; enter a real date as YYYY-MM-DD.)',
      },
      { line: 6, message: 'name: Remove the control character (NUL) from this field.' },
      { line: 7, message: 'notes: Remove the control character (U+0007) from this field.' },
    ]);
    assert.equal(result.created, 1);
  });
});

describe('a value that still reaches the database and is refused there', () => {
  test('is a 400 for the client, and its description holds no parameter', async () => {
    const failure = await db
      .execute(sql`select ${`${plantedKey}\u0000`}::text as key, ${'0000-01-01'}::date as day`)
      .then(
        () => null,
        (error: unknown) => error,
      );
    assert.ok(failure instanceof Error, 'the database accepted a NUL');
    assert.equal(refusedValue(failure)?.status, 400);
    const line = JSON.stringify(describeError(failure));
    assert.ok(!line.includes(plantedKey) && !line.includes('params') && !line.includes('    at '), line);
    assert.match(line, /"code":"22(021|008|P05)"/);
  });
});
