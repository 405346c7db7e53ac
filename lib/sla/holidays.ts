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
    .map((holiday) => ({ day: holiday.date.slice(0, 10), name: holiday.name }));
  byYear.set(key, found);
  return found;
}

/** Countries by code, and a country's regions, for the admin's lists. */
export function holidayCountries(): Record<string, string> {
  return new Holidays().getCountries('en') ?? {};
}

export function holidayRegions(country: string): Record<string, string> {
  return new Holidays().getStates(country, 'en') ?? {};
}
