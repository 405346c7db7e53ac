import { z } from 'zod';
import { AppError } from './errors';

// Input checks shared by every domain: the data layer validates again what the boundary parsed,
// so a caller that skips the boundary (a script, a test, a future route) cannot slip past them.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive as text from URLs and forms; anything not shaped like one is "not found", never a database error. */
export function isUuid(text: string): boolean {
  return uuidPattern.test(text);
}

// RFC 5321's limit: a longer address cannot be answered, nor stored to be found again.
const maxMailAddressLength = 254;

/**
 * One mailbox, as the account forms accept it: no list ("a@x,b@y" would send every mail to each),
 * no display name, no spaces. Mail intake and OpenID sign-in hold addresses to the same rule.
 */
export function isMailAddress(text: string): boolean {
  return text.length <= maxMailAddressLength && z.email().safeParse(text).success;
}

/** The first message for each field, keyed by its dotted path ("body" for the whole input). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationFailed(error: z.ZodError, message = 'Some fields are missing or invalid.'): AppError {
  return new AppError('validation_failed', message, { fields: fieldErrors(error) });
}

/** Parses input with `schema`, or throws the one validation error with a message per field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(parsed.error);
  return parsed.data;
}

/** A trimmed string refused with `problemOf`'s message when that finds one. */
function checkedText(problemOf: (text: string) => string | null, params?: { error?: string }): z.ZodString {
  return z
    .string(params)
    .trim()
    .superRefine((text, context) => {
      const problem = problemOf(text);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });
}

// PostgreSQL refuses NUL in text, and no field here has a use for other control characters: they
// are refused with a message, so they never reach the database (where they would be a 500).
const anyControl = /\p{Cc}/u;
const controlOtherThanTabOrLineBreak = /[^\P{Cc}\t\n\r]/u;
const controlNames: Record<string, string> = { '\0': 'NUL', '\t': 'tab', '\n': 'line break', '\r': 'line break' };

function controlProblem(pattern: RegExp): (text: string) => string | null {
  return (text) => {
    const found = pattern.exec(text)?.[0];
    if (found === undefined) return null;
    const name = controlNames[found] ?? `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return `Remove the control character (${name}) from this field.`;
  };
}

/** Text on one line (names, tags, search words): trimmed, with no control character at all. */
export function singleLineText(params?: { error?: string }): z.ZodString {
  return checkedText(controlProblem(anyControl), params);
}

/** Text that may span lines (notes, descriptions, comments): trimmed; tab and line breaks are its only control characters. */
export function multiLineText(params?: { error?: string }): z.ZodString {
  return checkedText(controlProblem(controlOtherThanTabOrLineBreak), params);
}

// Years no purchase, warranty, expiry or log entry falls outside; PostgreSQL's own limits (no year
// 0, nothing after year 5874897) are wider, so a date passing here is always stored.
export const earliestDate = '1900-01-01';
export const latestDate = '2999-12-31';

/** What is wrong with `text` as a date field's value (YYYY-MM-DD, on the calendar, in range), or null when nothing is. */
export function dateProblem(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'Enter a date as YYYY-MM-DD, e.g. 2027-03-31.';
  const date = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text)
    return `There is no ${text} on the calendar; enter a real date as YYYY-MM-DD.`;
  if (text < earliestDate || text > latestDate) return `Enter a date between ${earliestDate} and ${latestDate}.`;
  return null;
}

/** A date field: YYYY-MM-DD, a real calendar date, from earliestDate to latestDate. */
export function dateField(params?: { error?: string }): z.ZodString {
  return checkedText(dateProblem, params);
}
