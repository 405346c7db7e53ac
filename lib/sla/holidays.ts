import Holidays from 'date-holidays';

// A country's public holidays, from the rules date-holidays carries (nothing is downloaded).

export type Holiday = { day: string; name: string };

/** The public holidays ('yyyy-MM-dd') of a country (and region) in the given years; throws for an unknown code. */
export function publicHolidays(country: string, region: string | null, years: readonly number[]): Holiday[] {
  if (!holidayCountries()[country]) throw new Error(`Unknown holiday country: ${country}`);
  if (region && !holidayRegions(country)[region]) throw new Error(`Unknown holiday region: ${region}`);
  const holidays = region ? new Holidays(country, region) : new Holidays(country);
  return years.flatMap((year) =>
    (holidays.getHolidays(year) || [])
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => ({ day: holiday.date.slice(0, 10), name: holiday.name })),
  );
}

/** Countries by code, and a country's regions, for the admin's lists. */
export function holidayCountries(): Record<string, string> {
  return new Holidays().getCountries('en') ?? {};
}

export function holidayRegions(country: string): Record<string, string> {
  return new Holidays().getStates(country, 'en') ?? {};
}
