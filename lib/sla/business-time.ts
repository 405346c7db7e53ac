import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';

// Business-time arithmetic on a calendar: pure functions, no database. A day's working hours are
// wall-clock times in the calendar's zone, so a working day stays 09:00–17:00 across daylight-saving
// changes, while a 00:00–24:00 day is 23 or 25 hours long on the day the clocks change.

/** Minutes after local midnight; `end` may be 1440 (midnight of the next day). */
export type WorkingHours = { start: number; end: number };

export type BusinessCalendar = {
  timeZone: string;
  /** Index 0 is Sunday, as Date.getDay(); null: not a working day. */
  week: readonly (WorkingHours | null)[];
  /** Local dates ('yyyy-MM-dd') with no working hours. */
  holidays: ReadonlySet<string>;
};

const minuteMs = 60_000;
// Ten years of days: far beyond any target; stops a calendar without working days from looping.
const maxDays = 3_660;

type LocalDay = { year: number; month: number; day: number };

function localDayOf(instant: Date, timeZone: string): LocalDay {
  const local = new TZDate(instant.getTime(), timeZone);
  return { year: local.getFullYear(), month: local.getMonth(), day: local.getDate() };
}

function nextDay(day: LocalDay, timeZone: string): LocalDay {
  const next = addDays(new TZDate(day.year, day.month, day.day, 12, 0, timeZone), 1);
  return { year: next.getFullYear(), month: next.getMonth(), day: next.getDate() };
}

function at(day: LocalDay, minutes: number, timeZone: string): number {
  return new TZDate(day.year, day.month, day.day, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
}

/** The working window of one local day as instants (ms), or null on a day off or a holiday. */
function windowOf(day: LocalDay, calendar: BusinessCalendar): { start: number; end: number } | null {
  const noon = new TZDate(day.year, day.month, day.day, 12, 0, calendar.timeZone);
  if (calendar.holidays.has(format(noon, 'yyyy-MM-dd'))) return null;
  const hours = calendar.week[noon.getDay()];
  if (!hours || hours.end <= hours.start) return null;
  return { start: at(day, hours.start, calendar.timeZone), end: at(day, hours.end, calendar.timeZone) };
}

export function hasWorkingTime(calendar: BusinessCalendar): boolean {
  return calendar.week.some((hours) => hours !== null && hours.end > hours.start);
}

/**
 * The longest target these working hours always place: eight years of their working weeks, which
 * leaves the ten-year search room for holidays and clock changes.
 */
export function longestTargetMinutes(week: BusinessCalendar['week']): number {
  const weekly = week.reduce((sum, hours) => sum + (hours && hours.end > hours.start ? hours.end - hours.start : 0), 0);
  return weekly * 52 * 8;
}

/**
 * The instant `minutes` business minutes after `start`. Started outside working hours, the clock
 * starts with the next working window. Throws when the calendar has no working time at all.
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!hasWorkingTime(calendar)) throw new Error('The business calendar has no working hours.');
  let remaining = Math.max(0, minutes) * minuteMs;
  let day = localDayOf(start, calendar.timeZone);
  for (let index = 0; index < maxDays; index += 1) {
    const window = windowOf(day, calendar);
    if (window) {
      const from = Math.max(start.getTime(), window.start);
      if (from < window.end) {
        if (remaining <= window.end - from) return new Date(from + remaining);
        remaining -= window.end - from;
      }
    }
    day = nextDay(day, calendar.timeZone);
  }
  throw new Error('The target is more than ten years of business time away.');
}

/** Business minutes between two instants (0 when `to` is not after `from`), whole and fractional. */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  let day = localDayOf(from, calendar.timeZone);
  const last = localDayOf(to, calendar.timeZone);
  for (let index = 0; index < maxDays * 3; index += 1) {
    const window = windowOf(day, calendar);
    if (window) {
      const start = Math.max(from.getTime(), window.start);
      const end = Math.min(to.getTime(), window.end);
      if (end > start) total += end - start;
    }
    if (day.year === last.year && day.month === last.month && day.day === last.day) break;
    day = nextDay(day, calendar.timeZone);
  }
  return total / minuteMs;
}

/** "09:00" → 540; "24:00" → 1440; anything else → null. */
export function parseClockTime(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= 1440 ? minutes : null;
}

export function formatClockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
