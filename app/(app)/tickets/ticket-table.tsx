import Link from 'next/link';
import { formatDateTime } from '@/lib/format';
import type { TicketListItem } from '@/lib/tickets/list';
import { PriorityBadge, StatusBadge } from './badges';

type Props = { tickets: TicketListItem[]; emptyMessage: string; linkRequesters: boolean };

export function TicketTable({ tickets, emptyMessage, linkRequesters }: Props) {
  if (tickets.length === 0) return <p className="empty">{emptyMessage}</p>;
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
          {tickets.map((ticket) => (
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
                  <Link href={`/tickets?view=all&requester=${ticket.requester.id}`} title={`All tickets opened by ${ticket.requester.displayName}`}>
                    {ticket.requester.displayName}
                  </Link>
                ) : (
                  ticket.requester.displayName
                )}
              </td>
              <td>{ticket.assignee?.displayName ?? <span className="muted">Unassigned</span>}</td>
              <td>{formatDateTime(ticket.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
