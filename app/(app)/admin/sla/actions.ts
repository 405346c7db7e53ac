'use server';

import { revalidatePath } from 'next/cache';
import { adminRoles } from '@/lib/actor';
import { serverAction } from '@/lib/boundary/server-action';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { addHoliday, removeHoliday, saveCalendar, savePolicies } from '@/lib/sla/admin';
import {
  calendarSchema,
  holidayRemoveSchema,
  holidaySchema,
  policiesSchema,
  type CalendarInput,
  type PoliciesInput,
} from '@/lib/sla/schemas';

// Admin-only: each change and the new due times of the open tickets (or the job that makes them) commit together.

function saved(what: string, retarget: 'now' | 'queued') {
  revalidatePath('/admin/sla');
  revalidatePath('/tickets', 'layout');
  const tickets =
    retarget === 'now'
      ? 'The due times of open tickets are updated.'
      : 'The due times of open tickets are being updated in the background.';
  return { status: 'success' as const, message: `${what} saved. ${tickets}` };
}

// These schemas reshape their fields (a week, a list of policies), and the domain functions parse
// the form's fields themselves: the boundary's parse reports the errors, the raw fields go on.
function formFields(formData: FormData): Record<string, string> {
  return Object.fromEntries(
    [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

export const saveCalendarAction = serverAction(
  { input: calendarSchema, roles: adminRoles },
  async ({ actor, formData, transaction }) => {
    const fields = formFields(formData) as CalendarInput;
    return saved('Calendar', await transaction((tx) => saveCalendar(tx, actor, fields)));
  },
);

export const savePoliciesAction = serverAction(
  { input: policiesSchema, roles: adminRoles },
  async ({ actor, formData, transaction }) => {
    const fields: PoliciesInput = formFields(formData);
    return saved('Policies', await transaction((tx) => savePolicies(tx, actor, fields)));
  },
);

export const addHolidayAction = serverAction(
  { input: holidaySchema, roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const retarget = await transaction((tx) => addHoliday(tx, actor, input));
    return { ...saved('Holiday', retarget), values: {} };
  },
);

export const removeHolidayAction = serverAction(
  { input: holidayRemoveSchema, roles: adminRoles },
  async ({ actor, input, transaction }) => {
    await transaction((tx) => removeHoliday(tx, actor, input));
    revalidatePath('/admin/sla');
    return redirectInApp(`/admin/sla?removed=${encodeURIComponent(input.day)}`);
  },
);
