import type { Metadata } from 'next';
import { Link } from '@/app/components/link';
import { pageActor } from '@/lib/boundary/page';
import { loadDashboard } from '@/lib/dashboard/dashboard';
import { getDb } from '@/lib/db/client';
import { listMyDevices } from '@/lib/self-service/devices';
import { RequesterDashboardView } from './_components/requester-dashboard';
import { StaffDashboardView } from './_components/staff-dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const actor = await pageActor();
  const db = await getDb();
  const dashboard = await loadDashboard(db, actor, { kept: true });
  const devices = dashboard.role === 'requester' ? await listMyDevices(db, actor) : [];
  return (
    <>
      <div className="toolbar">
        <h1>Welcome, {actor.displayName}</h1>
        <Link href="/sessions">Your sessions</Link>
      </div>
      {dashboard.role === 'requester' ? (
        <RequesterDashboardView dashboard={dashboard} devices={devices} />
      ) : (
        <StaffDashboardView dashboard={dashboard} />
      )}
    </>
  );
}
