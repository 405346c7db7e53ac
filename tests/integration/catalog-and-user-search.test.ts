import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { listCatalogEntries, removeCatalogValue, renameCatalogValue } from '../../lib/catalog/admin';
import { listCatalogSuggestions } from '../../lib/catalog/spellings';
import { createAsset, updateAsset } from '../../lib/assets/mutations';
import { AppError } from '../../lib/errors';
import { searchActiveUsers } from '../../lib/users/search';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db, rows } = await useTestDatabase();

const admin = actorFor(await createTestUser(db, { role: 'admin' }));
const agent = actorFor(await createTestUser(db, { role: 'agent' }));
const requester = actorFor(await createTestUser(db, { role: 'requester' }));
const run = Date.now().toString(36);
let counter = 0;
const newAsset = (fields: Record<string, unknown>) =>
  db.transaction((tx) => createAsset(tx, agent, { assetTag: `CAT-${run}-${++counter}`, name: 'Thing', ...fields }));

const refusedWith = (code: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code, error.message);
  return true;
};

describe('managed lists', () => {
  test('a value typed in another case is saved in the listed spelling, and a new one joins the list', async () => {
    const first = await newAsset({ category: `Hardware${run}`, manufacturer: `Acme${run}` });
    const second = await newAsset({ category: `hardware${run}`, manufacturer: `ACME${run}` });
    assert.equal(second.category, first.category);
    assert.equal(second.manufacturer, `Acme${run}`);
    const edited = await db.transaction((tx) =>
      updateAsset(tx, agent, { assetId: second.id, version: second.version, model: `x1-${run}` }),
    );
    const again = await newAsset({ model: `X1-${run}` });
    assert.equal(again.model, edited.model);
    const suggestions = await listCatalogSuggestions(db);
    assert.equal(suggestions.category.filter((name) => name.toLowerCase() === `hardware${run}`).length, 1);
  });

  test('a rename changes every asset using the value, moves their versions on and is audited once', async () => {
    const asset = await newAsset({ category: `Printer${run}` });
    await newAsset({ category: `printer${run}` });
    const entry = (await listCatalogEntries(db, admin)).find((value) => value.name === `Printer${run}`)!;
    assert.equal(entry.uses, 2);
    const renamed = await db.transaction((tx) =>
      renameCatalogValue(tx, admin, { id: entry.id, name: `Printers${run}` }),
    );
    assert.deepEqual(renamed, { kind: 'category', from: `Printer${run}`, to: `Printers${run}`, uses: 2 });
    const [row] = await rows<{ category: string; version: number }>(
      sql`select category, version from assets where id = ${asset.id}`,
    );
    assert.deepEqual(row, { category: `Printers${run}`, version: asset.version + 1 });
    const audit = await rows<{ details: { from: string; to: string; assets: number } }>(
      sql`select details from audit_log where action = 'catalog.rename' and target_id = ${entry.id}`,
    );
    assert.equal(audit.length, 1);
    assert.equal(audit[0].details.assets, 2);
  });

  test('a value in use cannot be removed, an unused one can; only admins manage lists', async () => {
    await newAsset({ manufacturer: `Used${run}` });
    await newAsset({ manufacturer: `Spare${run}` });
    const entries = await listCatalogEntries(db, admin);
    const used = entries.find((value) => value.name === `Used${run}`)!;
    await assert.rejects(
      db.transaction((tx) => removeCatalogValue(tx, admin, { id: used.id })),
      refusedWith('conflict'),
    );
    await assert.rejects(listCatalogEntries(db, agent), refusedWith('not_found'));
    await assert.rejects(
      db.transaction((tx) => renameCatalogValue(tx, agent, { id: used.id, name: 'Other' })),
      refusedWith('not_found'),
    );
    await db.execute(sql`update assets set manufacturer = null where manufacturer = ${`Spare${run}`}`);
    const spare = entries.find((value) => value.name === `Spare${run}`)!;
    assert.deepEqual(await db.transaction((tx) => removeCatalogValue(tx, admin, { id: spare.id })), {
      name: `Spare${run}`,
    });
  });
});

describe('the user search behind the pickers', () => {
  test('staff find active users by name or username, with no email; requesters are told "not found"', async () => {
    const person = await createTestUser(db, { role: 'requester', username: `zelda${run}` });
    const found = await searchActiveUsers(db, agent, { q: `ZELDA${run}`, limit: 5 });
    assert.deepEqual(found, [{ id: person.id, username: person.username, displayName: person.displayName }]);
    await assert.rejects(searchActiveUsers(db, requester, { q: 'a', limit: 5 }), refusedWith('not_found'));
  });
});
