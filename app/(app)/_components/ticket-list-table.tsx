'use client';
import { Link } from '@/app/components/link';
import type { TicketPriority, TicketStatus } from '@/lib/db/enums';
import { PriorityBadge } from '../tickets/badges';
import { humanize } from './labels';

// A client component fed plain rows, for the reason the ticket list's table is one (tickets/ticket-table.tsx).

export type TicketListRow = { id: string; reference: string; title: string; priority: TicketPriority; status: TicketStatus; updated: string };

export function TicketListTable({ rows, caption }: { rows: TicketListRow[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="muted" style={{ textAlign: 'left' }}>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">Ticket</th>
            <th scope="col">Title</th>
            <th scope="col">Priority</th>
            <th scope="col">Status</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((ticket) => (
            <tr key={ticket.id}>
              <td>
                <Link href={`/tickets/${ticket.id}`}>{ticket.reference}</Link>
              </td>
              <td>{ticket.title}</td>
              <td>
                <PriorityBadge priority={ticket.priority} />
              </td>
              <td>{humanize(ticket.status)}</td>
              <td>{ticket.updated}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
