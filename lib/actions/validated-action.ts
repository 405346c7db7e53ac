import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { isAppError } from '../errors';
import { fieldErrors } from '../http/json';
import { describeError, log } from '../log';
import type { ActionState } from './action-state';

/**
 * The one wrapper for server actions: zod-parses the form, hands typed data to the handler, and
 * turns failures into per-field messages for useActionState. What the user typed comes back so
 * the form keeps it, except passwords, which are never echoed.
 */
export function validatedAction<Schema extends z.ZodType>(
  schema: Schema,
  handler: (data: z.output<Schema>, formData: FormData) => Promise<ActionState | void>,
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const raw: Record<string, string> = {};
    for (const [key, value] of formData.entries()) {
      if (typeof value === 'string' && !key.startsWith('$ACTION')) raw[key] = value;
    }
    const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !/password/i.test(key)));
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return { status: 'error', message: 'Please correct the fields marked below.', fieldErrors: fieldErrors(parsed.error), values };
    }
    try {
      return (await handler(parsed.data, formData)) ?? { status: 'success' };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() travel as exceptions
      if (isAppError(error)) return { status: 'error', message: error.message, fieldErrors: error.fields, values };
      log.error('action.unhandled_error', describeError(error));
      return { status: 'error', message: 'Something went wrong on our side. Try again.', values };
    }
  };
}
