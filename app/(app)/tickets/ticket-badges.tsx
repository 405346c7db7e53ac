import type { SlaBadgeInfo } from '@/lib/sla/describe';
import { priorityLabels, statusLabels, type TicketPriority, type TicketStatus } from '@/lib/tickets/rules';

const statusColours: Record<TicketStatus, string> = {
  new: 'blue',
  open: 'amber',
  pending: 'grey',
  resolved: 'green',
  closed: 'grey',
};
const priorityColours: Record<TicketPriority, string> = { low: 'grey', normal: 'blue', high: 'amber', urgent: 'red' };

export function StatusBadge({ status }: { status: TicketStatus }) {
  return <span className={`badge ${statusColours[status]}`}>{statusLabels[status]}</span>;
}

export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  return <span className={`badge ${priorityColours[priority]}`}>{priorityLabels[priority]}</span>;
}

/** Marks a ticket with news the viewer has not seen: words, not only the row's bold text. */
export function NewActivityBadge({ unseen }: { unseen: boolean }) {
  return unseen ? <span className="badge blue">New activity</span> : null;
}

/** A ticket's SLA: due in …, breached, met, paused; nothing when no policy applies. */
export function SlaBadge({ sla }: { sla: SlaBadgeInfo | null }) {
  return sla ? <span className={`badge ${sla.tone}`}>{sla.text}</span> : null;
}
