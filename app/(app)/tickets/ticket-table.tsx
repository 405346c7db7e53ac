'use client';
import { Link } from '@/app/components/link';
import { PriorityBadge, StatusBadge } from './badges';
import type { TicketRow } from './ticket-rows';

// A client component fed plain rows, though it has no state: a server component's table reaches
// the browser twice, as HTML and again element by element in the RSC payload, where this one's
// payload is the rows' data. On a page of 25 tickets that saved 17–21 % of the server's CPU per
// request (BENCHMARKS.md, section 3).

type Props = { rows: TicketRow[]; emptyMessage: string; linkRequesters: boolean };

export function TicketTable({ rows, emptyMessage, linkRequesters }: Props) {
  if (rows.length === 0) return <p className="empty">{emptyMessage}</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Number</th>
            <th scope="col">Title</th>
            <th scope="col">Status</th>
            <th scope="col">Priority</th>
            <th scope="col">Requester</th>
            <th scope="col">Assignee</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((ticket) => (
            <tr key={ticket.id}>
              <td>
                <Link href={`/tickets/${ticket.id}`}>{ticket.reference}</Link>
              </td>
              <td>
                <Link href={`/tickets/${ticket.id}`}>{ticket.title}</Link>
                <div className="muted">{ticket.category}</div>
              </td>
              <td>
                <StatusBadge status={ticket.status} />
              </td>
              <td>
                <PriorityBadge priority={ticket.priority} />
              </td>
              <td>
                {linkRequesters ? (
                  <Link href={`/tickets?view=all&requester=${ticket.requesterId}`} title={`All tickets opened by ${ticket.requesterName}`}>
                    {ticket.requesterName}
                  </Link>
                ) : (
                  ticket.requesterName
                )}
              </td>
              <td>{ticket.assigneeName ?? <span className="muted">Unassigned</span>}</td>
              <td>{ticket.updated}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
