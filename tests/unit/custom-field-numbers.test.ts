import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldValueSchema, formatCustomValue, type CustomFieldDefinition } from '../../lib/custom-fields/values-schema';

// A number field's value is shown on the edit form and in the CSV export, then read back from
// them: what it shows must be what it takes, and what it takes must come back unchanged.
const ram: CustomFieldDefinition = { id: 'f1', name: 'RAM GB', kind: 'number', required: false, options: [] };
const parse = (input: unknown) => fieldValueSchema(ram).safeParse(input);

test('a number is shown in plain decimals, and the form takes that text back as the same number', () => {
  for (const value of [16, 2.5, -3, 0, 1e-7, 123456789012345, 1234.5678901234]) {
    const shown = formatCustomValue(value);
    assert.match(shown, /^-?\d+(\.\d+)?$/, `${value} shows as ${shown}`);
    const parsed = parse(shown);
    assert.ok(parsed.success, shown);
    assert.equal(parsed.data, value);
  }
  assert.equal(formatCustomValue(1e-7), '0.0000001');
  assert.equal(formatCustomValue(2.5), '2.5');
});

test('a number that would come back changed is refused, from the API as from the form or a CSV cell', () => {
  for (const input of [1e21, 0.1 + 0.2, '89014103211118510720', '0.12345678901234567', 1e-12]) {
    const parsed = parse(input);
    assert.equal(parsed.success, false, String(input));
    assert.match(parsed.error.issues[0].message, /at most 15 digits.*belongs in a text field/);
  }
});
