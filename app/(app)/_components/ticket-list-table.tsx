'use client';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import type { TicketPriority, TicketStatus } from '@/lib/db/enums';
import { NewActivityBadge, PriorityBadge } from '../tickets/ticket-badges';
import { unseenRow } from '../tickets/ticket-table';
import styles from '../tickets/tickets.module.css';
import { humanize } from './labels';

// A client component fed plain rows, for the reason the ticket list's table is one (tickets/ticket-table.tsx).

export type TicketListRow = {
  id: string;
  reference: string;
  title: string;
  priority: TicketPriority;
  status: TicketStatus;
  updated: string;
  unseen: boolean;
};

const columns: Column<TicketListRow>[] = [
  {
    key: 'ticket',
    header: 'Ticket',
    cell: (ticket) => <Link href={`/tickets/${ticket.id}`}>{ticket.reference}</Link>,
  },
  {
    key: 'title',
    header: 'Title',
    cell: (ticket) => (
      <>
        {ticket.title} <NewActivityBadge unseen={ticket.unseen} />
      </>
    ),
  },
  { key: 'priority', header: 'Priority', cell: (ticket) => <PriorityBadge priority={ticket.priority} /> },
  { key: 'status', header: 'Status', cell: (ticket) => humanize(ticket.status) },
  { key: 'updated', header: 'Updated', cell: (ticket) => ticket.updated },
];

export function TicketListTable({ rows, caption, empty }: { rows: TicketListRow[]; caption: string; empty: string }) {
  return (
    <div className={styles.newsList}>
      <DataTable columns={columns} rows={rows} rowKey={byId} caption={caption} empty={empty} rowData={unseenRow} />
    </div>
  );
}
