import { otherMethods, route } from '@/lib/boundary/route';
import { licenseSeatCounts } from '@/lib/licenses/queries';

/** [{id, name, seats, used, free}] for every license. */
export const GET = route({}, async ({ actor, db }) => licenseSeatCounts(db, actor));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
