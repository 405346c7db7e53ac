import 'server-only';
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import { tickets } from '../db/schema-domain';
import { dueSoonHours, type SlaFilter } from './filters';

// What the ticket lists read, filter and sort by of a ticket's SLA: the stored columns only, so a
// list of 100,000 tickets walks the index tickets_sla_due_idx instead of computing per row.

export type { TicketSla } from './describe';

export const slaListColumns = {
  slaDueAt: tickets.slaDueAt,
  slaMet: tickets.slaMet,
  slaPausedSince: tickets.slaPausedSince,
  slaResolutionDueAt: tickets.slaResolutionDueAt,
};

export function slaCondition(filter: SlaFilter): SQL {
  if (filter === 'breached') return sql`${tickets.slaDueAt} <= now()`;
  return sql`${tickets.slaDueAt} > now() and ${tickets.slaDueAt} <= now() + make_interval(hours => ${dueSoonHours})`;
}

/**
 * "desc" (the lists' default) means the most pressing first: the soonest due, tickets without a
 * running SLA last. Both directions are one walk of tickets_sla_due_idx, forwards or backwards.
 */
export function slaOrder(dir: 'asc' | 'desc' | undefined): SQL[] {
  return dir === 'asc'
    ? [sql`${tickets.slaDueAt} desc nulls first`, desc(tickets.id)]
    : [sql`${tickets.slaDueAt} asc nulls last`, asc(tickets.id)];
}
