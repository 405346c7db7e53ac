import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { csvResponse } from '../../lib/http/csv-response';

test('a cell a spreadsheet would run as a formula is exported as text; other cells as they are', async () => {
  const formulas = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1+1', '\r=1+1'];
  const plain = ['Plain', 'a=b', '1-2', 'mail@example.com'];
  const response = csvResponse(
    'cells.csv',
    ['Cell'],
    [...formulas, ...plain].map((cell) => [cell]),
  );
  const rows: string[][] = parse(await response.text(), { bom: true });
  const cells = rows.map(([cell]) => cell);
  assert.deepEqual(cells, ['Cell', ...formulas.map((cell) => `'${cell}`), ...plain]);
});
