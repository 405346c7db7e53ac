import { BarChart } from '@/app/components/charts/bar-chart';
import { Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import { describeSpan } from '@/lib/sla/describe';
import type { SlaDashboard } from '@/lib/sla/dashboard';
import { formatCount } from '@/lib/format-count';

const percentMet = (week: { settled: number; met: number }) =>
  week.settled === 0 ? 0 : Math.round((week.met / week.settled) * 100);

/** Staff dashboard: the share of tickets that met their SLA per week, and the tickets breached now. */
export function SlaPanel({ sla }: { sla: SlaDashboard }) {
  return (
    <div className="grid-2">
      <Panel id="sla-weeks" title="SLA met per week, last 12 weeks">
        <BarChart
          id="chart-sla-weeks"
          title="Resolved tickets that met their SLA, per week (UTC, weeks starting Monday)"
          description={sla.weeks
            .map((week) => `${week.weekStart}: ${week.met} of ${week.settled} (${percentMet(week)} %)`)
            .join(', ')}
          data={sla.weeks.map((week) => ({ label: week.weekStart.slice(5), value: percentMet(week) }))}
          valueHeader="% met"
        />
      </Panel>
      <Panel id="sla-breached" title={`SLA breached now (${formatCount(sla.breachedTotal)})`}>
        {sla.breached.length === 0 ? (
          <p className="empty">No ticket is past its SLA.</p>
        ) : (
          <ul>
            {sla.breached.map((ticket) => (
              <li key={ticket.id}>
                <Link href={`/tickets/${ticket.id}`}>
                  {ticket.reference} {ticket.title}
                </Link>{' '}
                <span className="muted">
                  — {describeSpan(sla.now.getTime() - ticket.dueAt.getTime())} over,{' '}
                  {ticket.assigneeName ?? 'unassigned'}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/tickets?sla=breached">All breached tickets</Link>
        </p>
      </Panel>
    </div>
  );
}
