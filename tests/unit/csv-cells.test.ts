import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RowChecker } from '../../lib/assets/csv-import-rows';
import { defuseCell, undefuseCell } from '../../lib/csv-cells';

test('a formula-like cell is defused on export and read back as it was', () => {
  for (const value of [
    '-5',
    '+44 20 7946 0000',
    '=HYPERLINK("x")',
    '@sum',
    'plain',
    "'quoted",
    "'=literal",
    "''+x",
    '',
  ]) {
    assert.equal(undefuseCell(defuseCell(value)), value, value);
  }
  assert.equal(defuseCell('-5'), "'-5");
  assert.equal(defuseCell("'=literal"), "''=literal", "the user's own apostrophe before a formula survives");
  assert.equal(undefuseCell("'hello"), "'hello", "a ' before anything else is the user's own");
});

test('the import reads an exported custom value as the number it was', () => {
  const row = new RowChecker().check({ asset_tag: 'A-1', name: 'Phone', Offset: "'-5" }, 2);
  assert.ok('values' in row, JSON.stringify(row));
  assert.deepEqual(row.values.extraCells, { Offset: '-5' });
});
