import { requestTimeZone } from './request-time-zone';
import { defaultTimeZone } from './time-zones';

// One way to write a moment across the app: "5 Dec 2026, 14:03 GMT+1", in the viewer's zone.
// Formatters are built once per zone; building Intl.DateTimeFormat is the slow part.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
      timeZoneName: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const isoDates = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) where the viewer is: in their zone once resolved, or else in UTC. */
export function todayIsoDate(timeZone?: string, now: Date = new Date()): string {
  const zone = timeZone ?? requestTimeZone() ?? defaultTimeZone;
  let formatter = isoDates.get(zone);
  if (!formatter) {
    // Canadian English writes dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone });
    isoDates.set(zone, formatter);
  }
  return formatter.format(now);
}

/**
 * The exact time in `timeZone`, or else in the zone of the person this request renders for (once
 * a page or the layout has resolved it, see app/components/time.tsx), or else in UTC.
 */
export function formatDateTime(value: Date | string, timeZone?: string): string {
  return formatterFor(timeZone ?? requestTimeZone() ?? defaultTimeZone).format(new Date(value));
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * "just now", "12 min ago", "3 h ago", "2 days ago" for a recent past moment; null when it is in
 * the future or a week old or more, where the exact time reads better.
 */
export function formatRelative(value: Date | string, now: Date = new Date()): string | null {
  const elapsed = now.getTime() - new Date(value).getTime();
  if (elapsed < -minute || elapsed >= 7 * day) return null;
  if (elapsed < minute) return 'just now';
  if (elapsed < hour) return `${Math.floor(elapsed / minute)} min ago`;
  if (elapsed < day) return `${Math.floor(elapsed / hour)} h ago`;
  const days = Math.floor(elapsed / day);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** An amount (as stored: a decimal string such as "1299.00") with its currency, e.g. "US$1,299.00". */
export function formatMoney(amount: string | number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(Number(amount));
}

/** A short human name for a User-Agent string, e.g. "Chrome on Linux". */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown client';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /(Chrome|Chromium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : /curl\//.test(userAgent)
            ? 'curl'
            : null;
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X|Macintosh/.test(userAgent)
      ? 'macOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /iPhone|iPad/.test(userAgent)
          ? 'iOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}
