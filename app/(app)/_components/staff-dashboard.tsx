'use client';

import type { ReactNode } from 'react';
import { Link } from '@/app/components/link';
import { BarChart } from '@/app/components/charts/bar-chart';
import { DailySeriesChart } from '@/app/components/charts/daily-series-chart';
import { Panel } from '@/app/components/panel';
import type { StaffDashboard } from '@/lib/dashboard/dashboard';
import { assetStatuses, openWorkStatuses, ticketPriorities } from '@/lib/db/enums';
import { ExpiringPanel } from './expiring-panel';
import { FirstSteps } from './first-steps';
import { LicenseSeatTable } from './license-seat-table';
import { SlaPanel } from './sla-panel';
import type { SlaDashboard } from '@/lib/sla/dashboard';
import { humanize } from './labels';
import { formatCount } from '@/lib/format-count';

// A client component fed plain figures, though it has no state: a server component's panels
// reach the browser twice (as HTML and element by element in the RSC payload), these only as data.

// The ticket list takes several statuses comma-separated; the dashboard counts only open ones.
const openStatusList = openWorkStatuses.join(',');

function Stat({ value, label, href }: { value: number; label: string; href: string }) {
  return (
    <Link className="stat" href={href} style={{ color: 'inherit', textDecoration: 'none' }}>
      <span className="value" style={{ display: 'block' }}>
        {formatCount(value)}
      </span>
      <span className="label">{label}</span>
    </Link>
  );
}

type Props = {
  dashboard: Omit<StaffDashboard, 'myQueue'>;
  sla: SlaDashboard | null;
  /** The viewer's queue, rendered on the server (its times in the viewer's zone). */
  queue: ReactNode;
};

export function StaffDashboardView({ dashboard, sla, queue }: Props) {
  const { openTickets, ticketsPerDay } = dashboard;
  const opened = ticketsPerDay.reduce((sum, day) => sum + day.opened, 0);
  const resolved = ticketsPerDay.reduce((sum, day) => sum + day.resolved, 0);
  const priorities = [...ticketPriorities].reverse();
  return (
    <>
      {dashboard.newInstallation ? <FirstSteps isAdmin={dashboard.role === 'admin'} /> : null}
      <section aria-labelledby="open-title">
        <h2 id="open-title">Open tickets ({formatCount(openTickets.total)})</h2>
        <div className="stat-grid">
          {openWorkStatuses.map((status) => (
            <Stat
              key={status}
              value={openTickets.byStatus[status]}
              label={humanize(status)}
              href={`/tickets?status=${status}`}
            />
          ))}
          <Stat
            value={openTickets.unassigned}
            label="Unassigned"
            href={`/tickets?view=unassigned&status=${openStatusList}`}
          />
        </div>
      </section>
      <div className="grid-2" style={{ marginTop: '1.25rem' }}>
        <Panel id="priority" title="Open tickets by priority">
          <BarChart
            id="chart-priority"
            title="Open tickets by priority"
            description={
              priorities.map((priority) => `${humanize(priority)}: ${openTickets.byPriority[priority]}`).join(', ') +
              '.'
            }
            data={priorities.map((priority) => ({
              label: humanize(priority),
              value: openTickets.byPriority[priority],
            }))}
            valueHeader="Open tickets"
          />
          <p className="muted">
            {priorities.map((priority, index) => (
              <span key={priority}>
                {index > 0 ? ' · ' : ''}
                <Link href={`/tickets?priority=${priority}&status=${openStatusList}`}>{humanize(priority)}</Link>
              </span>
            ))}
          </p>
        </Panel>
        <Panel id="queue" title="Your queue">
          {queue}
          <p>
            <Link href="/tickets?view=mine">All your tickets</Link>
          </p>
        </Panel>
      </div>
      {sla ? <SlaPanel sla={sla} /> : null}
      <Panel id="per-day" title="Tickets opened and resolved, last 30 days">
        <DailySeriesChart
          id="chart-per-day"
          title="Tickets opened and resolved per day, last 30 days (UTC)"
          description={`From ${ticketsPerDay[0]?.day} to ${ticketsPerDay.at(-1)?.day}: ${opened} opened and ${resolved} resolved.`}
          data={ticketsPerDay.map((day) => ({ day: day.day, primary: day.opened, secondary: day.resolved }))}
          primaryLabel="Opened"
          secondaryLabel="Resolved"
        />
      </Panel>
      <div className="grid-2">
        <Panel id="assets" title={`Assets by status (${formatCount(dashboard.assetsByStatus.total)})`}>
          <BarChart
            id="chart-assets"
            title="Assets by status"
            description={
              assetStatuses.map((status) => `${humanize(status)}: ${dashboard.assetsByStatus[status]}`).join(', ') + '.'
            }
            data={assetStatuses.map((status) => ({ label: humanize(status), value: dashboard.assetsByStatus[status] }))}
            valueHeader="Assets"
            color="#106b3a"
          />
          <p className="muted">
            {assetStatuses.map((status, index) => (
              <span key={status}>
                {index > 0 ? ' · ' : ''}
                <Link href={`/assets?status=${status}`}>{humanize(status)}</Link>
              </span>
            ))}
          </p>
        </Panel>
        <Panel id="seat-use" title="License seat use">
          {dashboard.licenseSeatUse.length === 0 ? (
            <p className="empty">
              No licenses yet. <Link href="/licenses/new">Add one.</Link>
            </p>
          ) : (
            <LicenseSeatTable rows={dashboard.licenseSeatUse} />
          )}
        </Panel>
      </div>
      <div className="grid-2">
        <ExpiringPanel
          id="warranties"
          title="Warranties ending"
          counts={dashboard.expiringWarranties.counts}
          items={dashboard.expiringWarranties.soonest.map((asset) => ({
            id: asset.id,
            href: `/assets/${asset.id}`,
            label: `${asset.assetTag} — ${asset.name}`,
            date: asset.warrantyEnd,
          }))}
          today={dashboard.today}
          empty="No warranty ends within 90 days."
        />
        <ExpiringPanel
          id="licenses-expiring"
          title="Licenses expiring"
          counts={dashboard.expiringLicenses.counts}
          items={dashboard.expiringLicenses.soonest.map((license) => ({
            id: license.id,
            href: `/licenses/${license.id}`,
            label: license.name,
            date: license.expiresAt,
          }))}
          today={dashboard.today}
          empty="No license expires within 90 days."
        />
      </div>
    </>
  );
}
