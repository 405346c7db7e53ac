import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { isAdmin, type Actor } from '../actor';
import { recordAudit } from '../audit/record';
import type { Transaction } from '../db/client';
import { slaCalendar, slaHolidays, slaPolicies } from '../db/schema-sla';
import { tickets } from '../db/schema-domain';
import { AppError, staleVersion } from '../errors';
import { enqueueJob } from '../jobs/queue';
import { parseInput } from '../validation';
import { longestTargetMinutes } from './business-time';
import { loadPolicies, readCalendarSettings, readPolicyVersions } from './calendar';
import { publicHolidays } from './holidays';
import {
  calendarSchema,
  holidayRemoveSchema,
  holidaySchema,
  policiesSchema,
  type CalendarInput,
  type HolidayInput,
  type PoliciesInput,
} from './schemas';
import { inlineRecomputeLimit, recomputeTicketBatch } from './ticket-sla';

// Admin → SLA: the calendar, its added holidays and the policies. Every change moves the due times
// of the tickets still open: a few hundred are recomputed in the change's transaction, more by the
// 'sla-recompute' job, so the admin's request stays short.

function assertAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('not_found', 'Not found.');
}

/** Recomputes every unsettled ticket now, or queues the job when there are many. */
export async function retargetOpenTickets(tx: Transaction): Promise<'now' | 'queued'> {
  const unsettled = await tx.$count(tickets, sql`${tickets.status} in ('new', 'open', 'pending')`);
  if (unsettled > inlineRecomputeLimit) {
    await enqueueJob(tx, 'sla-recompute', {}, { singletonKey: 'sla-recompute' });
    return 'queued';
  }
  await recomputeTicketBatch(tx, { limit: inlineRecomputeLimit });
  return 'now';
}

const hoursText = (minutes: number) => `${Math.floor(minutes / 60)} h`;

// A target the working hours cannot place in ten years would make every ticket of its priority fail.
function tooLong(message: string, field: string): AppError {
  return new AppError('validation_failed', message, { fields: { [field]: message } });
}

const audit = (tx: Transaction, actor: Actor, action: string, details: Record<string, unknown>) =>
  recordAudit(tx, actor, { action, target: { type: 'sla', id: 'calendar' }, details });

export async function saveCalendar(tx: Transaction, actor: Actor, input: CalendarInput): Promise<'now' | 'queued'> {
  assertAdmin(actor);
  const calendar = parseInput(calendarSchema, input);
  if (calendar.holidayCountry) {
    try {
      publicHolidays(calendar.holidayCountry, calendar.holidayRegion, [new Date().getUTCFullYear()]);
    } catch {
      const message = 'Choose a country and region from the lists.';
      throw new AppError('validation_failed', message, { fields: { holidayCountry: message } });
    }
  }
  const current = await readCalendarSettings(tx);
  if (current.version !== calendar.version) throw staleVersion();
  const longest = longestTargetMinutes(calendar.week);
  for (const [priority, policy] of await loadPolicies(tx)) {
    if (policy.resolutionMinutes > longest)
      throw tooLong(
        `These hours are too few for the ${priority} priority's resolution target of ${hoursText(policy.resolutionMinutes)}: ` +
          `at most ${hoursText(longest)} fit. Shorten that target first.`,
        'start1',
      );
  }
  const values = {
    timeZone: calendar.timeZone,
    week: calendar.week,
    holidayCountry: calendar.holidayCountry,
    holidayRegion: calendar.holidayRegion,
  };
  // Only over the version that was read: of two admins saving at once, the second is told to reload.
  const [saved] = await tx
    .insert(slaCalendar)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({
      target: slaCalendar.id,
      set: { ...values, version: sql`${slaCalendar.version} + 1`, updatedAt: sql`now()` },
      setWhere: eq(slaCalendar.version, calendar.version),
    })
    .returning({ version: slaCalendar.version });
  if (!saved) throw staleVersion();
  await audit(tx, actor, 'sla.calendar_update', values);
  return retargetOpenTickets(tx);
}

export async function addHoliday(tx: Transaction, actor: Actor, input: HolidayInput): Promise<'now' | 'queued'> {
  assertAdmin(actor);
  const holiday = parseInput(holidaySchema, input);
  const [added] = await tx
    .insert(slaHolidays)
    .values(holiday)
    .onConflictDoNothing()
    .returning({ day: slaHolidays.day });
  if (!added) {
    const message = `${holiday.day} is already a holiday.`;
    throw new AppError('conflict', message, { fields: { day: message } });
  }
  await audit(tx, actor, 'sla.holiday_add', holiday);
  return retargetOpenTickets(tx);
}

export async function removeHoliday(tx: Transaction, actor: Actor, input: { day: string }): Promise<'now' | 'queued'> {
  assertAdmin(actor);
  const { day } = parseInput(holidayRemoveSchema, input);
  const [removed] = await tx.delete(slaHolidays).where(eq(slaHolidays.day, day)).returning({ name: slaHolidays.name });
  if (!removed) throw new AppError('not_found', 'No such holiday.');
  await audit(tx, actor, 'sla.holiday_remove', { day, name: removed.name });
  return retargetOpenTickets(tx);
}

export async function savePolicies(tx: Transaction, actor: Actor, input: PoliciesInput): Promise<'now' | 'queued'> {
  assertAdmin(actor);
  const policies = parseInput(policiesSchema, input);
  const [versions, { week }] = await Promise.all([readPolicyVersions(tx), readCalendarSettings(tx)]);
  const longest = longestTargetMinutes(week);
  for (const { priority, resolutionMinutes } of policies) {
    if (resolutionMinutes !== null && resolutionMinutes > longest)
      throw tooLong(
        `The calendar's working hours fit a target of at most ${hoursText(longest)}.`,
        `${priority}Resolution`,
      );
  }
  // Every priority the form carries is saved, so each must still be at the version the form read:
  // of two admins saving at once, the second is told to reload instead of undoing the first.
  for (const { priority, version, ...targets } of policies) {
    if ((versions.get(priority) ?? 0) !== version) throw staleVersion();
    if (version === 0) {
      if (targets.firstResponseMinutes === null) continue;
      const [added] = await tx
        .insert(slaPolicies)
        .values({ priority, ...targets })
        .onConflictDoNothing()
        .returning({ version: slaPolicies.version });
      if (!added) throw staleVersion();
      continue;
    }
    const [saved] = await tx
      .update(slaPolicies)
      .set({ ...targets, version: sql`${slaPolicies.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(slaPolicies.priority, priority), eq(slaPolicies.version, version)))
      .returning({ version: slaPolicies.version });
    if (!saved) throw staleVersion();
  }
  await audit(tx, actor, 'sla.policies_update', {
    policies: policies.map(({ priority, firstResponseMinutes, resolutionMinutes }) => ({
      priority,
      firstResponseMinutes,
      resolutionMinutes,
    })),
  });
  return retargetOpenTickets(tx);
}
