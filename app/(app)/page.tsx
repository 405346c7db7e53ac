import type { Metadata } from 'next';
import { Link } from '@/app/components/link';
import { isStaff } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { loadDashboard, type StaffDashboard } from '@/lib/dashboard/dashboard';
import { getDb } from '@/lib/db/client';
import { listMyDevices } from '@/lib/self-service/devices';
import { recentSlaDashboard, type SlaDashboard } from '@/lib/sla/dashboard';
import { RequesterDashboardView } from './_components/requester-dashboard';
import { StaffDashboardView } from './_components/staff-dashboard';
import { TicketList } from './_components/ticket-list';

export const metadata: Metadata = { title: 'Dashboard' };

/** The figures go to the browser as data; the viewer's queue is rendered here, with its times in their zone. */
function StaffView({ dashboard, sla }: { dashboard: StaffDashboard; sla: SlaDashboard | null }) {
  const { myQueue, ...figures } = dashboard;
  return (
    <StaffDashboardView
      dashboard={figures}
      sla={sla}
      queue={
        <TicketList
          tickets={myQueue}
          caption="Open tickets assigned to you, most urgent first."
          empty="No open tickets are assigned to you."
        />
      }
    />
  );
}

export default async function DashboardPage() {
  const actor = await pageActor();
  const db = await getDb();
  // Every panel's data at once: an async panel of its own would be one more round of rendering.
  const [dashboard, devices, sla] = await Promise.all([
    loadDashboard(db, actor, { kept: true }),
    isStaff(actor) ? [] : listMyDevices(db, actor),
    isStaff(actor) ? recentSlaDashboard(db) : null,
  ]);
  return (
    <>
      <div className="toolbar">
        <h1>Welcome, {actor.displayName}</h1>
        <Link href="/sessions">Your sessions</Link>
      </div>
      {dashboard.role === 'requester' ? (
        <RequesterDashboardView dashboard={dashboard} devices={devices} />
      ) : (
        <StaffView dashboard={dashboard} sla={sla} />
      )}
    </>
  );
}
