import { refusedValue } from '../db/errors';
import { AppError, isAppError } from '../errors';
import { describeError, log } from '../log';
import { jsonContentSecurityPolicy } from './security-headers';

// No Next.js import here: the custom server (server/direct-routes.ts) answers with it too, and
// loading next/server before Next.js has started breaks Next.js.

export type ErrorReply = {
  status: number;
  headers: Record<string, string>;
  body: { error: { code: string; message: string; fields?: Record<string, string> } };
};

/** A method this address does not answer; `allow` is also sent as the Allow header. */
export function methodNotAllowed(allow: string): AppError {
  return new AppError('method_not_allowed', `This address answers only ${allow}.`);
}

/** What any failure answers: an AppError as it is, anything else logged and answered as "internal". */
export function errorReply(error: unknown): ErrorReply {
  const appError = isAppError(error) ? error : refusedValue(error);
  if (!appError) log.error('http.unhandled_error', describeError(error));
  else if (!isAppError(error)) log.warn('db.value_refused', describeError(error));
  const failure = appError ?? new AppError('internal', 'Something went wrong on our side. Try again.');
  const headers: Record<string, string> = {
    'Cache-Control': 'no-store',
    'Content-Security-Policy': jsonContentSecurityPolicy,
  };
  if (failure.retryAfterSeconds) headers['Retry-After'] = String(failure.retryAfterSeconds);
  return {
    status: failure.status,
    headers,
    body: {
      error: { code: failure.code, message: failure.message, ...(failure.fields ? { fields: failure.fields } : {}) },
    },
  };
}
