import { z } from 'zod';
import { ticketPriorities } from '../db/enums';
import { validTimeZone } from '../time-zones';
import { dateField, singleLineText } from '../validation';
import { parseClockTime } from './business-time';

// Input shapes of Admin → SLA. The forms send flat fields: a weekday's hours as `start1`/`end1`
// (Monday; empty for a day off), a priority's targets in hours as `urgentFirstResponse`.

export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const weekdays = [0, 1, 2, 3, 4, 5, 6] as const;

const clockField = singleLineText().refine((text) => text === '' || parseClockTime(text) !== null, {
  message: 'Enter a time as HH:MM, e.g. 09:00.',
});
const code = (what: string) =>
  singleLineText()
    .max(10, `A ${what} code is at most 10 characters.`)
    .regex(/^[A-Za-z0-9-]*$/, `Choose a ${what} from the list.`)
    .optional()
    .default('')
    .transform((text) => text.toUpperCase() || null);

const hourFields = Object.fromEntries(
  weekdays.flatMap((day) => [
    [`start${day}`, clockField.optional().default('')],
    [`end${day}`, clockField.optional().default('')],
  ]),
) as Record<string, z.ZodDefault<z.ZodOptional<typeof clockField>>>;

// The weekday fields are built in a loop, so their names are not in the inferred type.
const hoursOf = (input: object) => input as Record<string, string>;

export const calendarSchema = z
  .object({
    timeZone: singleLineText()
      .refine((text) => validTimeZone(text) !== null, { message: 'Choose a time zone from the list.' })
      .transform((text) => validTimeZone(text)!),
    holidayCountry: code('country'),
    holidayRegion: code('region'),
    version: z.coerce.number().int().min(0),
    ...hourFields,
  })
  .superRefine((input, context) => {
    const hours = hoursOf(input);
    for (const day of weekdays) {
      const start = hours[`start${day}`];
      const end = hours[`end${day}`];
      if ((start === '') !== (end === '')) {
        context.addIssue({
          code: 'custom',
          path: [`end${day}`],
          message: 'Enter both times, or neither for a day off.',
        });
      } else if (start && parseClockTime(end)! <= parseClockTime(start)!) {
        context.addIssue({ code: 'custom', path: [`end${day}`], message: 'The day must end after it starts.' });
      }
    }
    if (weekdays.every((day) => !hours[`start${day}`])) {
      context.addIssue({ code: 'custom', path: ['start1'], message: 'Give at least one day working hours.' });
    }
    if (input.holidayRegion && !input.holidayCountry) {
      context.addIssue({ code: 'custom', path: ['holidayCountry'], message: 'Choose the country of this region.' });
    }
  })
  .transform(({ timeZone, holidayCountry, holidayRegion, version, ...rest }) => {
    const hours = hoursOf(rest);
    return {
      timeZone,
      holidayCountry,
      holidayRegion,
      version,
      week: weekdays.map((day) => {
        const start = hours[`start${day}`];
        return start ? { start: parseClockTime(start)!, end: parseClockTime(hours[`end${day}`])! } : null;
      }),
    };
  });
export type CalendarInput = z.input<typeof calendarSchema> & Partial<Record<`start${number}` | `end${number}`, string>>;

export const holidaySchema = z.object({
  day: dateField({ error: 'Enter a date.' }),
  name: singleLineText({ error: 'Name the day.' }).min(1, 'Name the day.').max(100, 'Use at most 100 characters.'),
});
export type HolidayInput = z.input<typeof holidaySchema>;
export const holidayRemoveSchema = z.object({ day: dateField({ error: 'Unknown day.' }) });

const maxTargetHours = 24 * 365;
const hoursField = singleLineText()
  .refine((text) => text === '' || (/^\d+(\.\d+)?$/.test(text) && Number(text) > 0 && Number(text) <= maxTargetHours), {
    message: `Enter hours above 0 (e.g. 4 or 0.5), at most ${maxTargetHours}.`,
  })
  .optional()
  .default('')
  .transform((text) => (text ? Math.max(1, Math.round(Number(text) * 60)) : null));

// The version of each priority's policy the form was read at (0: none yet); a stale one is refused.
const versionField = z.coerce
  .number({ error: 'Reload the page and try again.' })
  .int('Reload the page and try again.')
  .min(0, 'Reload the page and try again.');

export const policiesSchema = z
  .object(
    Object.fromEntries(
      ticketPriorities.flatMap((priority) => [
        [`${priority}FirstResponse`, hoursField],
        [`${priority}Resolution`, hoursField],
        [`${priority}Version`, versionField],
      ]),
    ) as Record<string, typeof hoursField | typeof versionField>,
  )
  .superRefine((input, context) => {
    for (const priority of ticketPriorities) {
      const first = input[`${priority}FirstResponse`];
      const resolution = input[`${priority}Resolution`];
      if ((first === null) !== (resolution === null)) {
        context.addIssue({
          code: 'custom',
          path: [`${priority}Resolution`],
          message: 'Enter both targets, or neither for no SLA.',
        });
      } else if (first !== null && resolution !== null && resolution < first) {
        context.addIssue({
          code: 'custom',
          path: [`${priority}Resolution`],
          message: 'Resolution cannot come before the first response.',
        });
      }
    }
  })
  .transform((input) =>
    ticketPriorities.map((priority) => ({
      priority,
      firstResponseMinutes: input[`${priority}FirstResponse`],
      resolutionMinutes: input[`${priority}Resolution`],
      // A version field's output is a number; the fields are built in a loop, so their type is a union.
      version: input[`${priority}Version`]!,
    })),
  );
export type PoliciesInput = z.input<typeof policiesSchema>;
