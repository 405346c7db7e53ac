import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { ActionState } from './action-state';
import type { Actor } from '../actor';
import type { UserRole } from '../db/schema';
import { refusedValue } from '../db/errors';
import { AppError, isAppError } from '../errors';
import { changesCommitted } from '../kept-results';
import { describeError, log } from '../log';
import { fieldErrors } from '../validation';
import { actorOf, assertSecondFactorSetUp, signedInSession } from './request';
import { databaseTools, type DatabaseTools } from './transaction';

// The one wrapper for server actions, in a fixed order: parse the form (zod) → resolve the
// session → check the role → build the Actor → run the handler (which opens its transaction) →
// turn every failure into per-field messages for useActionState. What the user typed comes back
// so the form keeps it, except passwords, which are never echoed. A session that ended while the
// form was open is such an answer too (not a redirect, which would throw the draft away).

type ActionResult = Promise<ActionState | void>;
type FormAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export type ActionArgs<Input> = DatabaseTools & { input: Input; formData: FormData };

const unreadableForm = 'This form could not be read. Reload the page and try again.';
const sessionEndedMessage = 'Your session ended — sign in to continue.';

function formValues(formData: FormData): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) raw[key] = value;
  }
  return raw;
}

function runAction<Schema extends z.ZodType>(
  schema: Schema,
  handler: (args: ActionArgs<z.output<Schema>>) => ActionResult,
): FormAction {
  return async (_previous, formData) => {
    // Only a hand-made request sends arguments a form never does; it gets an answer, not a crash.
    if (!((formData as unknown) instanceof FormData)) return { status: 'error', message: unreadableForm };
    const raw = formValues(formData);
    const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !/password/i.test(key)));
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return {
        status: 'error',
        message: 'Please correct the fields marked below.',
        fieldErrors: fieldErrors(parsed.error),
        values,
      };
    }
    try {
      return (await handler({ input: parsed.data, formData, ...(await databaseTools()) })) ?? { status: 'success' };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() travel as exceptions
      const known = isAppError(error) ? error : refusedValue(error);
      if (!known) log.error('action.unhandled_error', describeError(error));
      else if (!isAppError(error)) log.warn('db.value_refused', describeError(error));
      if (known?.code === 'unauthenticated')
        return { status: 'error', message: known.message, values, sessionEnded: true };
      if (known) return { status: 'error', message: known.message, fieldErrors: known.fields, values };
      return { status: 'error', message: 'Something went wrong on our side. Try again.', values };
    } finally {
      // Whoever made a change sees it on their next page, not figures kept from before it.
      changesCommitted();
    }
  };
}

/**
 * A server action for signed-in users (any role unless `roles` narrows it). Someone whose session
 * ended (signed out elsewhere, expired, revoked) gets the form back as typed, with a way to sign in;
 * a role not listed is refused.
 */
export function serverAction<Schema extends z.ZodType>(
  options: { input: Schema; roles?: readonly UserRole[]; duringSecondFactorSetup?: boolean },
  handler: (args: ActionArgs<z.output<Schema>> & { actor: Actor }) => ActionResult,
): FormAction {
  return runAction(options.input, async (args) => {
    const signedIn = await signedInSession();
    if (!signedIn) throw new AppError('unauthenticated', sessionEndedMessage);
    if (!options.duringSecondFactorSetup) await assertSecondFactorSetUp(signedIn.user);
    if (options.roles && !options.roles.includes(signedIn.user.role)) {
      throw new AppError('forbidden', 'You do not have permission to do that.');
    }
    return handler({ ...args, actor: await actorOf(signedIn) });
  });
}

/** A server action anyone may call (sign-in, first-run setup): the handler decides everything itself. */
export function publicServerAction<Schema extends z.ZodType>(
  options: { input: Schema },
  handler: (args: ActionArgs<z.output<Schema>>) => ActionResult,
): FormAction {
  return runAction(options.input, handler);
}
