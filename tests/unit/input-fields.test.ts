import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { z } from 'zod';
import { dateField, dateProblem, multiLineText, singleLineText } from '../../lib/validation';

const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;

describe('singleLineText', () => {
  const field = singleLineText().max(20);

  test('refuses NUL and every other control character, naming the one found', () => {
    assert.equal(messageOf(field, 'ab\u0000cd'), 'Remove the control character (NUL) from this field.');
    assert.equal(messageOf(field, 'ab\ncd'), 'Remove the control character (line break) from this field.');
    assert.equal(messageOf(field, 'ab\tcd'), 'Remove the control character (tab) from this field.');
    assert.equal(messageOf(field, 'ab\u001bcd'), 'Remove the control character (U+001B) from this field.');
    assert.equal(messageOf(field, 'ab\u007fcd'), 'Remove the control character (U+007F) from this field.');
    assert.equal(messageOf(field, 'ab\u0085cd'), 'Remove the control character (U+0085) from this field.');
  });

  test('its message comes before the rules chained after it', () => {
    assert.equal(
      messageOf(singleLineText().min(5, 'too short'), '\u0000'),
      'Remove the control character (NUL) from this field.',
    );
  });

  test('keeps ordinary text, trimmed, and its own error for a non-string', () => {
    assert.equal(field.parse('  Müller – 東京 ✓ \n'), 'Müller – 東京 ✓');
    assert.equal(messageOf(singleLineText({ error: 'Enter a name.' }), 42), 'Enter a name.');
  });
});

describe('multiLineText', () => {
  const field = multiLineText();

  test('keeps tabs and line breaks', () => {
    assert.equal(field.parse('line one\r\n\tline two\n'), 'line one\r\n\tline two');
  });

  test('refuses NUL and the other control characters', () => {
    assert.equal(messageOf(field, 'a\nb\u0000'), 'Remove the control character (NUL) from this field.');
    assert.equal(messageOf(field, 'a\u0008b'), 'Remove the control character (U+0008) from this field.');
  });
});

describe('dateField', () => {
  test('accepts real dates in range', () => {
    for (const date of ['1900-01-01', '2026-02-28', '2028-02-29', '2999-12-31'])
      assert.equal(dateField().parse(date), date);
  });

  test('says what is wrong: the format, a day the calendar lacks, or the range', () => {
    assert.equal(dateProblem('2026-2-3'), 'Enter a date as YYYY-MM-DD, e.g. 2027-03-31.');
    assert.equal(dateProblem('12026-01-01'), 'Enter a date as YYYY-MM-DD, e.g. 2027-03-31.');
    assert.equal(dateProblem('2026-02-30'), 'There is no 2026-02-30 on the calendar; enter a real date as YYYY-MM-DD.');
    assert.equal(dateProblem('2026-13-01'), 'There is no 2026-13-01 on the calendar; enter a real date as YYYY-MM-DD.');
    assert.equal(dateProblem('0000-01-01'), 'Enter a date between 1900-01-01 and 2999-12-31.');
    assert.equal(dateProblem('1899-12-31'), 'Enter a date between 1900-01-01 and 2999-12-31.');
    assert.equal(dateProblem('3000-01-01'), 'Enter a date between 1900-01-01 and 2999-12-31.');
    assert.equal(messageOf(dateField(), '2026-01-01\u0000'), 'Enter a date as YYYY-MM-DD, e.g. 2027-03-31.');
  });
});
