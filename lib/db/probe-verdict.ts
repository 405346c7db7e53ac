import { isConnectionFailure } from './errors';

/** A probe of this many failures in a row that are not refusals (timeouts) counts as an outage. */
export const slowProbesBeforeOutage = 2;

/**
 * Turns probe outcomes into "available" or not. A refused or dropped connection is an outage at
 * once; a probe that only timed out may be a busy machine or a full pool, so it takes
 * `slowProbesBeforeOutage` in a row: one slow answer under load must not shut every user out.
 */
export function createProbeVerdict(): (outcome: { ok: true } | { ok: false; error: unknown }) => boolean {
  let slowInARow = 0;
  let available = true;
  return (outcome) => {
    if (outcome.ok) {
      slowInARow = 0;
      return (available = true);
    }
    if (isConnectionFailure(outcome.error)) return (available = false);
    slowInARow++;
    // Only an answer ends an outage: a timeout after a refusal is no sign the database is back.
    return (available = available && slowInARow < slowProbesBeforeOutage);
  };
}
