import type { Metadata } from 'next';
import { Link } from '@/app/components/link';
import { requireUser } from '@/lib/auth/dal';
import { loadDashboard } from '@/lib/dashboard/dashboard';
import { getDb } from '@/lib/db/client';
import { RequesterDashboardView } from './dashboard-components/requester-dashboard';
import { StaffDashboardView } from './dashboard-components/staff-dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const current = await requireUser();
  const dashboard = await loadDashboard(await getDb(), current.user);
  return (
    <>
      <div className="toolbar">
        <h1>Welcome, {current.user.displayName}</h1>
        <Link href="/sessions">Your sessions</Link>
      </div>
      {dashboard.role === 'requester' ? <RequesterDashboardView dashboard={dashboard} /> : <StaffDashboardView dashboard={dashboard} />}
    </>
  );
}
