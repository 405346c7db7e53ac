import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newCustomFieldSchema } from '../../lib/custom-fields/admin';

// A custom field is a column of the asset CSV. Its header is read the way the import reads every
// header (case, spaces and dashes aside), so a name that reads as a standard column would take
// that column's place when the app's own export is imported again.
const field = (name: string) =>
  newCustomFieldSchema.safeParse({ categoryId: '00000000-0000-4000-8000-000000000001', name, kind: 'text' });

test('names that the import reads as a standard column are refused, however they are written', () => {
  for (const name of ['asset_tag', 'Asset-Tag', 'Purchase Date', ' SERIAL ', 'assigned to']) {
    const result = field(name);
    assert.equal(result.success, false, name);
    assert.match(result.error.issues[0].message, /standard column/);
  }
});

test('other names are kept as written', () => {
  assert.equal(field('Rack unit').success, true);
  assert.equal(field('Purchase order').success, true);
});
