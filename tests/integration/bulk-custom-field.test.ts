import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createAsset, updateAsset } from '../../lib/assets/mutations';
import { findAsset } from '../../lib/assets/queries';
import { listAuditEntries } from '../../lib/audit/queries';
import { applyBulkChange } from '../../lib/bulk/apply';
import { previewBulkChange, type BulkPreviewInput } from '../../lib/bulk/preview';
import { findBulkChange, listBulkChangeItems } from '../../lib/bulk/queries';
import { addCatalogValue } from '../../lib/catalog/admin';
import { addCustomField, removeCustomField } from '../../lib/custom-fields/admin';
import { AppError } from '../../lib/errors';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db, rows } = await useTestDatabase();

const admin = actorFor(await createTestUser(db, { role: 'admin' }));
const agent = actorFor(await createTestUser(db, { role: 'agent' }));

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${++counter}`;

const laptop = await db.transaction((tx) => addCatalogValue(tx, admin, { kind: 'category', name: unique('Laptop') }));
const phone = await db.transaction((tx) => addCatalogValue(tx, admin, { kind: 'category', name: unique('Phone') }));
const field = (input: {
  categoryId: string;
  name: string;
  kind: 'text' | 'number' | 'choice';
  required?: boolean;
  options?: string;
}) => db.transaction((tx) => addCustomField(tx, admin, { required: false, ...input }));
const ram = await field({ categoryId: laptop.id, name: 'RAM GB', kind: 'number' });
const os = await field({ categoryId: laptop.id, name: 'OS', kind: 'choice', options: 'Windows, macOS, Linux' });
await field({ categoryId: phone.id, name: 'IMEI', kind: 'text' });

const newAsset = (category: string, customFields: Record<string, string> = {}) =>
  db.transaction((tx) => createAsset(tx, agent, { assetTag: unique('CF-'), name: 'Device', category, customFields }));
const preview = (params: Record<string, unknown>, ids: string[]) =>
  db.transaction((tx) =>
    previewBulkChange(tx, agent, {
      action: 'asset.custom_field',
      params,
      selection: { target: 'asset', ids },
      scope: 'test',
    } satisfies BulkPreviewInput),
  );
const reasonsOf = async (id: string) =>
  Object.fromEntries(
    (await listBulkChangeItems(db, agent, id, { page: 1, pageSize: 100 })).items.map((item) => [item.itemId, item]),
  );
const rejectsOn = (promise: Promise<unknown>, field: string, message: RegExp) =>
  assert.rejects(
    promise,
    (error) =>
      error instanceof AppError && error.code === 'validation_failed' && message.test(error.fields?.[field] ?? ''),
  );

describe('bulk change of a custom field', () => {
  test('sets the value on the assets of its category, refusing the others with a reason, each audited', async () => {
    const eight = await newAsset(laptop.name, { 'RAM GB': '8' });
    const sixteen = await newAsset(laptop.name, { 'RAM GB': '16' });
    const empty = await newAsset(laptop.name);
    const handset = await newAsset(phone.name, { IMEI: '490154203237518' });

    const id = await preview({ fieldId: ram.id, value: '16' }, [eight.id, sixteen.id, empty.id, handset.id]);
    const view = await findBulkChange(db, agent, id);
    assert.equal(view.description, 'Set RAM GB (' + laptop.name + ') to 16');
    assert.deepEqual([view.counts.planned, view.counts.refused], [2, 2]);
    const reasons = await reasonsOf(id);
    assert.equal(reasons[sixteen.id].reason, 'Already 16.');
    assert.equal(reasons[handset.id].reason, `RAM GB is a field of ${laptop.name}; this asset is in ${phone.name}.`);
    assert.equal((await findAsset(db, agent, eight.id)).customFields['RAM GB'], 8, 'a preview changes nothing');

    assert.equal(await applyBulkChange(db, agent, id), 'done');
    for (const asset of [eight, empty]) assert.equal((await findAsset(db, agent, asset.id)).customFields['RAM GB'], 16);
    assert.equal((await findAsset(db, agent, handset.id)).customFields.IMEI, '490154203237518');
    const audit = await listAuditEntries(db, admin, { batch: id, page: 1, pageSize: 10, dir: 'desc' });
    assert.deepEqual(audit.items.map((entry) => entry.target?.id).sort(), [eight.id, empty.id].sort());
    assert.deepEqual(
      audit.items.map((entry) => entry.summary),
      ['Changed: RAM GB', 'Changed: RAM GB'],
      'the audit names the field as the admin wrote it',
    );
  });

  test('the value is checked by the field’s rules before anything is previewed, and clears when empty', async () => {
    const asset = await newAsset(laptop.name, { OS: 'Linux', 'RAM GB': '32' });
    await rejectsOn(preview({ fieldId: ram.id, value: 'lots' }, [asset.id]), 'value', /RAM GB must be a number/);
    await rejectsOn(
      preview({ fieldId: os.id, value: 'BeOS' }, [asset.id]),
      'value',
      /OS is one of: Windows, macOS, Linux/,
    );
    await rejectsOn(preview({ fieldId: 'not-a-field', value: '1' }, [asset.id]), 'fieldId', /Choose a field/);
    await rejectsOn(
      preview({ fieldId: '00000000-0000-4000-8000-000000000000', value: '1' }, [asset.id]),
      'fieldId',
      /Choose a field/,
    );

    const choice = await preview({ fieldId: os.id, value: 'macos' }, [asset.id]);
    assert.equal((await findBulkChange(db, agent, choice)).description, `Set OS (${laptop.name}) to macOS`);
    await applyBulkChange(db, agent, choice);
    assert.equal((await findAsset(db, agent, asset.id)).customFields.OS, 'macOS');

    const clear = await preview({ fieldId: os.id, value: '' }, [asset.id]);
    assert.equal((await findBulkChange(db, agent, clear)).description, `Clear OS (${laptop.name})`);
    await applyBulkChange(db, agent, clear);
    const cleared = await findAsset(db, agent, asset.id);
    assert.equal('OS' in cleared.customFields, false);
    assert.equal(cleared.customFields['RAM GB'], 32, 'the other fields keep their values');
    assert.equal(
      (await reasonsOf(await preview({ fieldId: os.id, value: '' }, [asset.id])))[asset.id].reason,
      'OS is already empty.',
    );
  });

  test('a required field cannot be cleared, and an asset missing another required value is named in the preview', async () => {
    const tablet = await db.transaction((tx) =>
      addCatalogValue(tx, admin, { kind: 'category', name: unique('Tablet') }),
    );
    const colour = await field({ categoryId: tablet.id, name: 'Colour', kind: 'text' });
    const old = await newAsset(tablet.name);
    // Added after `old` was saved: `old` cannot be saved until someone fills it in.
    const required = await field({ categoryId: tablet.id, name: 'Model year', kind: 'number', required: true });
    const complete = await newAsset(tablet.name, { 'Model year': '2024' });

    await rejectsOn(preview({ fieldId: required.id, value: '' }, [complete.id]), 'value', /Model year is required/);
    const id = await preview({ fieldId: colour.id, value: 'Blue' }, [old.id, complete.id]);
    const reasons = await reasonsOf(id);
    assert.equal(reasons[old.id].reason, 'Model year is required and empty: fill it in on the asset first.');
    assert.equal(reasons[complete.id].plan, 'change');
  });

  test('an asset edited since the preview is reported, and a field removed since is a reason, not a failure', async () => {
    const edited = await newAsset(laptop.name, { 'RAM GB': '8' });
    const id = await preview({ fieldId: ram.id, value: '64' }, [edited.id]);
    const current = await findAsset(db, agent, edited.id);
    await db.transaction((tx) =>
      updateAsset(tx, admin, { assetId: edited.id, version: current.version, customFields: { 'RAM GB': '12' } }),
    );
    await applyBulkChange(db, agent, id);
    const [item] = Object.values(await reasonsOf(id));
    assert.equal(item.outcome, 'stale');
    assert.match(item.outcomeReason!, /^Changed by .* since the preview; left as it is\.$/);
    assert.equal((await findAsset(db, agent, edited.id)).customFields['RAM GB'], 12);

    const gone = await field({ categoryId: phone.id, name: unique('Carrier'), kind: 'text' });
    const handset = await newAsset(phone.name);
    const removed = await preview({ fieldId: gone.id, value: 'Acme' }, [handset.id]);
    await db.transaction((tx) => removeCustomField(tx, admin, { id: gone.id }));
    await applyBulkChange(db, agent, removed);
    const [skipped] = Object.values(await reasonsOf(removed));
    assert.equal(skipped.outcome, 'skipped');
    assert.equal(skipped.outcomeReason, `The field ${gone.name} was removed since the preview.`);
  });
});

describe('an asset moved to another category', () => {
  test('the history names each category’s field of the same name apart, with its own before and after', async () => {
    const desktop = await db.transaction((tx) =>
      addCatalogValue(tx, admin, { kind: 'category', name: unique('Desktop') }),
    );
    await field({ categoryId: desktop.id, name: 'RAM GB', kind: 'number' });
    const moved = await newAsset(laptop.name, { 'RAM GB': '16' });
    await db.transaction((tx) =>
      updateAsset(tx, agent, {
        assetId: moved.id,
        version: moved.version,
        category: desktop.name,
        customFields: { 'RAM GB': '32' },
      }),
    );
    const [entry] = await rows<{ details: { changes: Record<string, { from: unknown; to: unknown }> } }>(
      sql`select details from audit_log where action = 'asset.update' and target_id = ${moved.id}`,
    );
    const { changes } = entry.details;
    assert.deepEqual(changes[`RAM GB (${laptop.name})`], { from: '16', to: null });
    assert.deepEqual(changes[`RAM GB (${desktop.name})`], { from: null, to: '32' });
  });
});

describe('field names and CSV columns', () => {
  test('a name the CSV reads as another field’s column is refused; the very same name in another category is one column', async () => {
    const tablet = await db.transaction((tx) =>
      addCatalogValue(tx, admin, { kind: 'category', name: unique('Tablet') }),
    );
    const refusal = async (categoryId: string, name: string) => {
      const error = await field({ categoryId, name, kind: 'number' }).then(
        () => null,
        (caught: unknown) => caught,
      );
      assert.ok(error instanceof AppError && error.code === 'conflict', `${name}: ${String(error)}`);
      return error.message;
    };
    assert.match(await refusal(tablet.id, 'Ram GB'), /has a field “RAM GB”, the same CSV column/);
    assert.match(await refusal(laptop.id, 'RAM-GB'), /already has a field “RAM GB”/);
    assert.ok((await field({ categoryId: tablet.id, name: 'RAM GB', kind: 'number' })).id);
  });
});
