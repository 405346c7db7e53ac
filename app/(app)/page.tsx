import type { Metadata } from 'next';
import { Link } from '@/app/components/link';
import { isStaff } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { loadDashboard } from '@/lib/dashboard/dashboard';
import { getDb } from '@/lib/db/client';
import { listMyDevices } from '@/lib/self-service/devices';
import { recentSlaDashboard } from '@/lib/sla/dashboard';
import { RequesterDashboardView } from './_components/requester-dashboard';
import { StaffDashboardView } from './_components/staff-dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

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
        <StaffDashboardView dashboard={dashboard} sla={sla} />
      )}
    </>
  );
}
