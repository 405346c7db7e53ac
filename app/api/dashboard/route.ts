import { authenticate } from '@/lib/auth/dal';
import { loadDashboard } from '@/lib/dashboard/dashboard';
import { getDb } from '@/lib/db/client';
import { jsonOk, jsonRoute } from '@/lib/http/json';

/** The dashboard's numbers for the caller's role: a requester gets only their own tickets and assets. */
export const GET = jsonRoute(async () => {
  const { user } = await authenticate();
  return jsonOk(await loadDashboard(await getDb(), user));
});
