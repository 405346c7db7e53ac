// The IANA time zones this runtime knows, and the check every zone from a browser or a form passes
// before it is used: a cookie or a field can hold anything, and an unknown zone makes Intl throw.

const fallbackZone = 'UTC';

let known: Set<string> | undefined;
let sorted: readonly string[] | undefined;

function knownZones(): Set<string> {
  // supportedValuesOf lists canonical names only; UTC is valid everywhere but missing from some lists.
  known ??= new Set([...Intl.supportedValuesOf('timeZone'), fallbackZone]);
  return known;
}

/** The zones a person may choose, sorted, for a select: the same array on every call. */
export function timeZoneChoices(): readonly string[] {
  sorted ??= [...knownZones()].sort();
  return sorted;
}

/**
 * The canonical name of `value` when it is a known IANA zone (an alias such as Asia/Calcutta
 * becomes Asia/Kolkata), else null.
 */
export function validTimeZone(value: string | null | undefined): string | null {
  if (!value || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return null;
  if (knownZones().has(value)) return value;
  try {
    const resolved = new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
    return knownZones().has(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

export const defaultTimeZone = fallbackZone;

/** The name of the cookie in which the browser tells the server its own zone. */
export const timeZoneCookie = 'tz';
