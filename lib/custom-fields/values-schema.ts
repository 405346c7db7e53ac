import { z } from 'zod';
import type { CustomFieldKind } from '../db/schema-places';
import { dateField, singleLineText } from '../validation';

// The one builder of custom field rules: the asset form, the JSON API and the CSV import all
// validate through customValuesSchema(fields), so a value refused by one is refused by all three.

export type CustomFieldDefinition = {
  id: string;
  name: string;
  kind: CustomFieldKind;
  required: boolean;
  options: string[];
};
export type StoredValue = string | number | boolean;
export type StoredValues = Record<string, StoredValue>;

export const customFieldKindLabels: Record<CustomFieldKind, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  yes_no: 'Yes/no',
  choice: 'One of a list',
};

export const maxCustomTextLength = 500;

const blank = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

const maxDecimals = 10;
/**
 * A number the form can show and take back as it is: below 10^15 with at most 15 significant digits
 * (what a double holds exactly) and `maxDecimals` after the point. A longer one (an ICCID, an IMEI)
 * would come back changed, so it belongs in a text field.
 */
const keepsExactly = (value: number) =>
  Math.abs(value) < 1e15 && Number(value.toPrecision(15)) === value && Number(value.toFixed(maxDecimals)) === value;

/** A number in plain decimals (never 1e-7), as the form takes it back. */
function plainNumber(value: number): string {
  return keepsExactly(value) ? value.toFixed(maxDecimals).replace(/\.?0+$/, '') : String(value);
}

const yes = new Set(['yes', 'y', 'true', '1', 'on']);
const no = new Set(['no', 'n', 'false', '0', 'off']);

/** The rule of one field's value; null means "no value". */
export function fieldValueSchema(field: CustomFieldDefinition): z.ZodType<StoredValue | null> {
  const name = field.name;
  const value = (() => {
    switch (field.kind) {
      case 'text':
        return singleLineText({ error: `${name} must be text.` }).max(
          maxCustomTextLength,
          `${name}: use at most ${maxCustomTextLength} characters.`,
        );
      case 'number':
        return z.preprocess(
          (input) => (typeof input === 'string' && /^-?\d+(\.\d+)?$/.test(input) ? Number(input) : input),
          z
            .number({ error: `${name} must be a number, e.g. 16 or 2.5.` })
            .finite(`${name} must be a number.`)
            .refine(
              keepsExactly,
              `${name}: use at most 15 digits, ${maxDecimals} of them after the point (a longer number, such as an ICCID, belongs in a text field).`,
            ),
        );
      case 'date':
        return dateField({ error: `${name} must be a date (YYYY-MM-DD).` });
      case 'yes_no':
        return z.preprocess(
          (input) =>
            typeof input === 'string' && yes.has(input.toLowerCase())
              ? true
              : typeof input === 'string' && no.has(input.toLowerCase())
                ? false
                : input,
          z.boolean({ error: `${name} is yes or no.` }),
        );
      case 'choice': {
        const options = field.options;
        return z.preprocess(
          (input) =>
            typeof input === 'string'
              ? (options.find((option) => option.toLowerCase() === input.toLowerCase()) ?? input)
              : input,
          z.string().refine((text) => options.includes(text), `${name} is one of: ${options.join(', ')}.`),
        );
      }
    }
  })() as z.ZodType<StoredValue>;
  return z.preprocess(
    (input) => (blank(input) ? null : trimmed(input)),
    value.nullable().refine((parsed) => !field.required || parsed !== null, `${name} is required.`),
  );
}

/** The field a key names: its id, or its name in any letter case. */
export function fieldFor(fields: CustomFieldDefinition[], key: string): CustomFieldDefinition | undefined {
  return (
    fields.find((field) => field.id === key) ?? fields.find((field) => field.name.toLowerCase() === key.toLowerCase())
  );
}

/**
 * Values by field id or name → the values to store, by field id (no entry for "no value"). Every
 * field of `fields` is checked (a required one must have a value); a key naming no field is refused.
 */
export function customValuesSchema(fields: CustomFieldDefinition[], category = 'this category') {
  return z.record(z.string(), z.unknown()).transform((input, context) => {
    const stored: StoredValues = {};
    const keyOf = new Map<string, string>();
    for (const key of Object.keys(input)) {
      const field = fieldFor(fields, key);
      if (!field) context.addIssue({ code: 'custom', path: [key], message: `${key} is not a field of ${category}.` });
      else keyOf.set(field.id, key);
    }
    for (const field of fields) {
      const key = keyOf.get(field.id) ?? field.id;
      const parsed = fieldValueSchema(field).safeParse(input[key]);
      if (!parsed.success) {
        context.addIssue({ code: 'custom', path: [key], message: parsed.error.issues[0].message });
      } else if (parsed.data !== null) stored[field.id] = parsed.data;
    }
    return stored;
  });
}

/** How a stored value reads on a page or in a CSV cell. */
export function formatCustomValue(value: StoredValue | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return plainNumber(value);
  return String(value);
}
