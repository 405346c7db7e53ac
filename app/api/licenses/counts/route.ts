import { authenticate } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { jsonOk, jsonRoute } from '@/lib/http/json';
import { licenseSeatCounts } from '@/lib/licenses/queries';

/** [{id, name, seats, used, free}] for every license. */
export const GET = jsonRoute(async () => {
  const { user } = await authenticate();
  return jsonOk(await licenseSeatCounts(await getDb(), user));
});
