import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, timestamp, type PgColumn } from 'drizzle-orm/pg-core';

// The SLA state kept on each ticket (lib/sla/ticket-sla.ts writes it whenever something relevant
// changes), so lists sort and filter by due time in SQL. Spread into `tickets` in schema-domain.ts.

const at = (name: string) => timestamp(name, { withTimezone: true });

export const ticketSlaColumns = {
  slaFirstResponseDueAt: at('sla_first_response_due_at'),
  slaResolutionDueAt: at('sla_resolution_due_at'),
  /** The next target still open (first response, else resolution); null while the clock is stopped. */
  slaDueAt: at('sla_due_at'),
  /** When the next warning (80 % or breach) is due; the warning job reads only rows past it. */
  slaWarnAt: at('sla_warn_at'),
  slaFirstRespondedAt: at('sla_first_responded_at'),
  /** Business minutes the clock stood still (waiting on the requester, resolved), added to the targets. */
  slaPausedMinutes: doublePrecision('sla_paused_minutes').notNull().default(0),
  slaPausedSince: at('sla_paused_since'),
  /** Set when the ticket is resolved or closed: whether both targets were met. */
  slaMet: boolean('sla_met'),
  slaSettledAt: at('sla_settled_at'),
};

export function ticketSlaIndexes(table: {
  id: PgColumn;
  status: PgColumn;
  slaDueAt: PgColumn;
  slaWarnAt: PgColumn;
  slaSettledAt: PgColumn;
  slaMet: PgColumn;
}) {
  return [
    // The queue's default sort and the "breached" / "due soon" filters. Not partial: the queue
    // lists the tickets without a running SLA too, after the others (nulls last). With the status,
    // the queue's "open work" filter is checked in the index: a page of ids or a count of the
    // breached is an index-only walk, not a visit to every matching ticket's row.
    index('tickets_sla_due_idx').on(table.slaDueAt, table.id, table.status),
    index('tickets_sla_warn_idx')
      .on(table.slaWarnAt)
      .where(sql`${table.slaWarnAt} is not null`),
    // The dashboard's "SLA met per week".
    index('tickets_sla_settled_idx')
      .on(table.slaSettledAt, table.slaMet)
      .where(sql`${table.slaSettledAt} is not null`),
  ];
}
