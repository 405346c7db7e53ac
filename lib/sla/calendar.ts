import 'server-only';
import type { Executor } from '../db/client';
import { slaCalendar, slaHolidays, slaPolicies, type StoredWeek } from '../db/schema-sla';
import type { TicketPriority } from '../db/enums';
import type { BusinessCalendar } from './business-time';
import { publicHolidays } from './holidays';
import type { SlaPolicy } from './schedule';

// The stored calendar and policies, read for a computation. Holidays are the chosen country's
// public holidays (date-holidays carries its rules; nothing is downloaded) plus an admin's dates.

const nineToFive = { start: 9 * 60, end: 17 * 60 };
/** Until an admin saves one: Monday to Friday, 09:00–17:00 UTC. */
export const defaultWeek: StoredWeek = [null, nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, null];
export const defaultTimeZone = 'UTC';

export type CalendarSettings = {
  timeZone: string;
  week: StoredWeek;
  holidayCountry: string | null;
  holidayRegion: string | null;
  version: number;
};

export async function readCalendarSettings(executor: Executor): Promise<CalendarSettings> {
  const [row] = await executor
    .select({
      timeZone: slaCalendar.timeZone,
      week: slaCalendar.week,
      holidayCountry: slaCalendar.holidayCountry,
      holidayRegion: slaCalendar.holidayRegion,
      version: slaCalendar.version,
    })
    .from(slaCalendar)
    .limit(1);
  return row ?? { timeZone: defaultTimeZone, week: defaultWeek, holidayCountry: null, holidayRegion: null, version: 0 };
}

export async function loadBusinessCalendar(executor: Executor, now = new Date()): Promise<BusinessCalendar> {
  const [settings, added] = await Promise.all([
    readCalendarSettings(executor),
    executor.select({ day: slaHolidays.day }).from(slaHolidays),
  ]);
  const year = now.getUTCFullYear();
  // Targets are hours or days away: the years around today cover every ticket still open.
  const national = settings.holidayCountry
    ? publicHolidays(settings.holidayCountry, settings.holidayRegion, [year - 1, year, year + 1, year + 2])
    : [];
  return {
    timeZone: settings.timeZone,
    week: settings.week,
    holidays: new Set([...national.map((holiday) => holiday.day), ...added.map((holiday) => holiday.day)]),
  };
}

/** The policies in force: a priority whose targets are empty has none. */
export async function loadPolicies(executor: Executor): Promise<Map<TicketPriority, SlaPolicy>> {
  const rows = await executor
    .select({
      priority: slaPolicies.priority,
      firstResponseMinutes: slaPolicies.firstResponseMinutes,
      resolutionMinutes: slaPolicies.resolutionMinutes,
    })
    .from(slaPolicies);
  const policies = new Map<TicketPriority, SlaPolicy>();
  for (const { priority, firstResponseMinutes, resolutionMinutes } of rows) {
    if (firstResponseMinutes === null || resolutionMinutes === null) continue;
    policies.set(priority, { firstResponseMinutes, resolutionMinutes });
  }
  return policies;
}

/** Each priority's policy version, which a save must name; 0 for a priority never given one. */
export async function readPolicyVersions(executor: Executor): Promise<Map<TicketPriority, number>> {
  const rows = await executor
    .select({ priority: slaPolicies.priority, version: slaPolicies.version })
    .from(slaPolicies);
  return new Map(rows.map((row) => [row.priority, row.version]));
}
