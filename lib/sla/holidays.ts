import Holidays from 'date-holidays';

// A country's public holidays, from the rules date-holidays carries (nothing is downloaded).

export type Holiday = { day: string; name: string };

/** The public holidays ('yyyy-MM-dd') of a country (and region) in the given years; throws for an unknown code. */
export function publicHolidays(country: string, region: string | null, years: readonly number[]): Holiday[] {
  return years.flatMap((year) => holidaysOfYear(country, region, year));
}

// Every ticket change loads the calendar: a year's rules are worked out once per process.
const byYear = new Map<string, Holiday[]>();

function holidaysOfYear(country: string, region: string | null, year: number): Holiday[] {
  const key = `${country}/${region ?? ''}/${year}`;
  const known = byYear.get(key);
  if (known) return known;
  if (!holidayCountries()[country]) throw new Error(`Unknown holiday country: ${country}`);
  if (region && !holidayRegions(country)[region]) throw new Error(`Unknown holiday region: ${region}`);
  const holidays = region ? new Holidays(country, region) : new Holidays(country);
  const found = (holidays.getHolidays(year) || [])
    .filter((holiday) => holiday.type === 'public')
    .flatMap((holiday) => daysOf(holiday).map((day) => ({ day, name: holiday.name })));
  byYear.set(key, found);
  return found;
}

const dayMs = 86_400_000;

// Most holidays are one day; some span several (Eid al-Fitr is three days in the United Arab
// Emirates, four in Saudi Arabia), each of which is a day off.
function daysOf(holiday: { date: string; start: Date; end: Date }): string[] {
  const first = Date.parse(`${holiday.date.slice(0, 10)}T00:00:00Z`);
  const count = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / dayMs));
  return Array.from({ length: count }, (_, index) => new Date(first + index * dayMs).toISOString().slice(0, 10));
}

/** Countries by code, and a country's regions, for the admin's lists. */
export function holidayCountries(): Record<string, string> {
  return new Holidays().getCountries('en') ?? {};
}

export function holidayRegions(country: string): Record<string, string> {
  return new Holidays().getStates(country, 'en') ?? {};
}
