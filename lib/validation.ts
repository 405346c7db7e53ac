import type { z } from 'zod';
import { AppError } from './errors';

// Input checks shared by every domain: the data layer validates again what the boundary parsed,
// so a caller that skips the boundary (a script, a test, a future route) cannot slip past them.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids arrive as text from URLs and forms; anything not shaped like one is "not found", never a database error. */
export function isUuid(text: string): boolean {
  return uuidPattern.test(text);
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
