import 'server-only';
import { asc } from 'drizzle-orm';
import { isAdmin, type Actor } from '../actor';
import type { Executor } from '../db/client';
import { ticketPriorities, type TicketPriority } from '../db/enums';
import { slaHolidays } from '../db/schema-sla';
import { AppError } from '../errors';
import { loadPolicies, readCalendarSettings, readPolicyVersions, type CalendarSettings } from './calendar';
import { holidayCountries, holidayRegions, publicHolidays, type Holiday } from './holidays';
import type { SlaPolicy } from './schedule';

// What Admin → SLA shows: the calendar, the added holidays, the country's next public holidays and
// the policy of each priority.

export type SlaSettings = {
  calendar: CalendarSettings;
  addedHolidays: Holiday[];
  upcomingPublicHolidays: Holiday[];
  countries: Record<string, string>;
  regions: Record<string, string>;
  policies: { priority: TicketPriority; policy: SlaPolicy | null; version: number }[];
};

export async function loadSlaSettings(executor: Executor, actor: Actor, today = new Date()): Promise<SlaSettings> {
  if (!isAdmin(actor)) throw new AppError('not_found', 'Not found.');
  const [calendar, addedHolidays, policies, versions] = await Promise.all([
    readCalendarSettings(executor),
    executor.select({ day: slaHolidays.day, name: slaHolidays.name }).from(slaHolidays).orderBy(asc(slaHolidays.day)),
    loadPolicies(executor),
    readPolicyVersions(executor),
  ]);
  const todayText = today.toISOString().slice(0, 10);
  const year = today.getUTCFullYear();
  const upcomingPublicHolidays = calendar.holidayCountry
    ? publicHolidays(calendar.holidayCountry, calendar.holidayRegion, [year, year + 1])
        .filter((holiday) => holiday.day >= todayText)
        .slice(0, 8)
    : [];
  return {
    calendar,
    addedHolidays,
    upcomingPublicHolidays,
    countries: holidayCountries(),
    regions: calendar.holidayCountry ? holidayRegions(calendar.holidayCountry) : {},
    policies: ticketPriorities.map((priority) => ({
      priority,
      policy: policies.get(priority) ?? null,
      version: versions.get(priority) ?? 0,
    })),
  };
}
