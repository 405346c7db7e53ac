import { dueSoonHours } from './filters';

// How a ticket's SLA reads on a badge: pure, from the stored columns and the time of the page.

/** What a list or page shows of a ticket's SLA. `dueAt`: the next target while the clock runs. */
export type TicketSla = { dueAt: Date | null; met: boolean | null; paused: boolean };

export type SlaBadgeInfo = { text: string; tone: 'red' | 'amber' | 'blue' | 'green' | 'grey' };

/** "45 min", "3 h 20 min", "2 d 4 h". */
export function describeSpan(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

export function describeSla(sla: TicketSla, now: Date): SlaBadgeInfo | null {
  if (sla.dueAt) {
    const left = sla.dueAt.getTime() - now.getTime();
    if (left <= 0) return { text: `SLA breached ${describeSpan(-left)} ago`, tone: 'red' };
    return { text: `Due in ${describeSpan(left)}`, tone: left <= dueSoonHours * 3_600_000 ? 'amber' : 'blue' };
  }
  if (sla.met === true) return { text: 'SLA met', tone: 'green' };
  if (sla.met === false) return { text: 'SLA missed', tone: 'red' };
  if (sla.paused) return { text: 'SLA paused', tone: 'grey' };
  return null;
}
