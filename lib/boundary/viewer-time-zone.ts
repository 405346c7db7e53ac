import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { signedInSession } from './request';
import { getDb } from '@/lib/db/client';
import { keptResults, viewerFactsKeptForMs } from '@/lib/kept-results';
import { rememberRequestTimeZone } from '@/lib/request-time-zone';
import { defaultTimeZone, timeZoneCookie, validTimeZone } from '@/lib/time-zones';
import { timeZonePreference } from '@/lib/users/preferences';

export type ViewerTimeZone = {
  /** The zone times are shown in. */
  zone: string;
  /** The zone the person chose on their account page; null when they follow their browser. */
  chosen: string | null;
  /** The browser's zone from the `tz` cookie, when it names a real zone. */
  browser: string | null;
};

// Every page asks for the viewer's choice: it is kept as long as their session check.
const keptZoneChoices = keptResults<string | null>('time-zone-choice', {
  keptForMs: viewerFactsKeptForMs,
  max: 10_000,
});

/**
 * The zone this request's viewer sees times in: their choice, else their browser's (the `tz`
 * cookie, set by TimeZoneCookie; anything that is not a known IANA zone is ignored), else UTC.
 * Once per request; it also tells formatDateTime, so plain strings follow it for the rest of the render.
 */
export const resolveViewerTimeZone = cache(async (): Promise<ViewerTimeZone> => {
  const [signedIn, jar] = await Promise.all([signedInSession(), cookies()]);
  const chosen = signedIn
    ? validTimeZone(
        await keptZoneChoices.get(signedIn.user.id, async () => timeZonePreference(await getDb(), signedIn.user.id)),
      )
    : null;
  const browser = validTimeZone(jar.get(timeZoneCookie)?.value);
  const zone = chosen ?? browser ?? defaultTimeZone;
  rememberRequestTimeZone(zone);
  return { zone, chosen, browser };
});
