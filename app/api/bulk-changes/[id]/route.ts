import { z } from 'zod';
import { staffRoles } from '@/lib/actor';
import { otherMethods, route } from '@/lib/boundary/route';
import { findBulkChange } from '@/lib/bulk/queries';

// A bulk change's state and counts, polled by its result page's progress bar.
export const GET = route(
  { params: z.object({ id: z.string() }), roles: staffRoles },
  async ({ actor, params, db }) => ({
    bulkChange: await findBulkChange(db, actor, params.id),
  }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
