// Whether this process can reach its database, as last seen by the probe in server/index.ts.
// Read by middleware (an in-memory flag, no database call) to answer 503 instead of failing
// page by page; no "server-only" import because middleware bundles it.
import { AppError } from '../errors';

const stateKey = Symbol.for('it-assets-manager.database-availability');
type State = { available: boolean; since: number };

function state(): State {
  const holder = globalThis as { [stateKey]?: State };
  return (holder[stateKey] ??= { available: true, since: Date.now() });
}

export function isDatabaseAvailable(): boolean {
  return state().available;
}

/** Records a probe result; returns true when it changed. */
export function setDatabaseAvailable(available: boolean): boolean {
  const current = state();
  if (current.available === available) return false;
  current.available = available;
  current.since = Date.now();
  return true;
}

export const unavailableRetryAfterSeconds = 10;

/** What a request that needs the database answers while it is away (503). */
export const databaseUnavailable = () =>
  new AppError('unavailable', 'The service is temporarily unavailable. Try again shortly.', {
    retryAfterSeconds: unavailableRetryAfterSeconds,
  });
