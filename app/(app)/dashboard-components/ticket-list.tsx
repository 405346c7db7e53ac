import Link from 'next/link';
import type { DashboardTicket } from '@/lib/dashboard/ticket-stats';
import { formatDateTime } from '@/lib/format';
import { humanize, priorityTone, ticketNumber } from './labels';

/** A short table of tickets linking to each one. */
export function TicketList({ tickets, empty, caption }: { tickets: DashboardTicket[]; empty: string; caption: string }) {
  if (tickets.length === 0) return <p className="empty">{empty}</p>;
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
          {tickets.map((ticket) => (
            <tr key={ticket.id}>
              <td>
                <Link href={`/tickets/${ticket.id}`}>{ticketNumber(ticket.number)}</Link>
              </td>
              <td>{ticket.title}</td>
              <td>
                <span className={`badge ${priorityTone[ticket.priority] ?? 'grey'}`}>{ticket.priority}</span>
              </td>
              <td>{humanize(ticket.status)}</td>
              <td>{formatDateTime(ticket.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
