import { otherMethods, route } from '@/lib/boundary/route';
import { loadDashboard } from '@/lib/dashboard/dashboard';

/** The dashboard's numbers for the caller's role: a requester gets only their own tickets and assets. */
export const GET = route({}, async ({ actor, db }) => loadDashboard(db, actor));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
