'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const cookieName = 'tz';
const oneYear = 365 * 24 * 60 * 60;

function readCookie(name: string): string | null {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return entry ? decodeURIComponent(entry.slice(name.length + 1)) : null;
}

/**
 * Tells the server the browser's time zone in the `tz` cookie (the server checks it against the
 * IANA list). When the page was drawn in another zone for someone who follows their browser, it
 * is drawn again once; afterwards the cookie is there from the first request on.
 */
export function TimeZoneCookie({
  shownZone,
  followsBrowser,
  path,
}: {
  shownZone: string;
  followsBrowser: boolean;
  path: string;
}) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    if (readCookie(cookieName) !== zone) {
      const secure = window.location.protocol === 'https:' ? '; Secure' : '';
      document.cookie = `${cookieName}=${encodeURIComponent(zone)}; Path=${path}; Max-Age=${oneYear}; SameSite=Lax${secure}`;
    }
    // Also when the cookie was already there: the page may have been asked for before it was set.
    if (followsBrowser && zone !== shownZone) router.refresh();
  }, [shownZone, followsBrowser, path, router]);
  return null;
}
