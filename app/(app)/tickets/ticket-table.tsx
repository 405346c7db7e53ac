'use client';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import { selectionColumn } from '@/app/components/row-selection';
import { NewActivityBadge, PriorityBadge, SlaBadge, StatusBadge } from './ticket-badges';
import styles from './tickets.module.css';
import type { SortLink, TicketRow } from './ticket-rows';

// A client component fed plain rows, though it has no state, because a server component's table
// reaches the browser twice (as HTML and again element by element in the RSC payload) while this
// one's payload is only the rows' data, which costs the server less CPU per request.

type Props = {
  rows: TicketRow[];
  emptyMessage: string;
  linkRequesters: boolean;
  /** By column key: the columns whose header sorts the list. */
  sortLinks?: Partial<Record<string, SortLink>>;
  /** The id of the bulk change form the rows' checkboxes belong to; none: no checkboxes. */
  selectionForm?: string;
};

const arrows = { ascending: ' ▲', descending: ' ▼', none: '' };

/** A column's header: a link that sorts by it when the list can be sorted that way. */
function sortable(column: Column<TicketRow>, link: SortLink | undefined): Column<TicketRow> {
  if (!link) return column;
  const header = (
    <Link href={link.href}>
      {column.header}
      <span aria-hidden="true">{arrows[link.ariaSort]}</span>
    </Link>
  );
  return { ...column, header, ariaSort: link.ariaSort };
}

const requesterName = (ticket: TicketRow) => ticket.requesterName;

const requesterLink = (ticket: TicketRow) => (
  <Link
    href={`/tickets?view=all&requester=${ticket.requesterId}`}
    title={`All tickets opened by ${ticket.requesterName}`}
  >
    {ticket.requesterName}
  </Link>
);

// Staff only: a requester's list has no SLA column.
const slaColumn: Column<TicketRow> = { key: 'due', header: 'SLA', cell: (ticket) => <SlaBadge sla={ticket.sla} /> };

function ticketColumns(linkRequesters: boolean): Column<TicketRow>[] {
  return [
    {
      key: 'number',
      header: 'Number',
      cell: (ticket) => <Link href={`/tickets/${ticket.id}`}>{ticket.reference}</Link>,
    },
    {
      key: 'title',
      header: 'Title',
      cell: (ticket) => (
        <>
          <Link href={`/tickets/${ticket.id}`}>{ticket.title}</Link> <NewActivityBadge unseen={ticket.unseen} />
          <div className="muted">{ticket.category}</div>
        </>
      ),
    },
    { key: 'status', header: 'Status', cell: (ticket) => <StatusBadge status={ticket.status} /> },
    {
      key: 'priority',
      header: 'Priority',
      priority: 'secondary',
      cell: (ticket) => <PriorityBadge priority={ticket.priority} />,
    },
    ...(linkRequesters ? [slaColumn] : []),
    {
      key: 'requester',
      header: 'Requester',
      priority: 'secondary',
      cell: linkRequesters ? requesterLink : requesterName,
    },
    {
      key: 'assignee',
      header: 'Assignee',
      priority: 'secondary',
      cell: (ticket) => ticket.assigneeName ?? <span className="muted">Unassigned</span>,
    },
    { key: 'updated', header: 'Updated', cell: (ticket) => ticket.updated },
  ];
}

export const unseenRow = (ticket: { unseen: boolean }) =>
  ticket.unseen ? { 'data-unseen': 'true' as const } : ({} as Record<`data-${string}`, string>);

export function TicketTable({ rows, emptyMessage, linkRequesters, sortLinks = {}, selectionForm }: Props) {
  const columns = ticketColumns(linkRequesters).map((column) => sortable(column, sortLinks[column.key]));
  if (selectionForm) columns.unshift(selectionColumn<TicketRow>(selectionForm, (ticket) => ticket.reference));
  return (
    <div className={styles.newsList}>
      <DataTable columns={columns} rows={rows} rowKey={byId} empty={emptyMessage} rowData={unseenRow} />
    </div>
  );
}
