import 'server-only';
import type { z } from 'zod';
import { AppError } from '../errors';
import { fieldErrors } from '../http/json';

/** Parses input in the data layer, so a caller that skipped validation still gets a 400, not a 500. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = fieldErrors(parsed.error);
  throw new AppError('validation_failed', Object.values(fields)[0] ?? 'Some fields are missing or invalid.', { fields });
}
