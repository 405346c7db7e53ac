import { z } from 'zod';
import { otherMethods, route } from '@/lib/boundary/route';
import { revealProductKey } from '@/lib/licenses/mutations';

// Revealing a product key writes an audit row, so it is a POST: refused from another site, never
// followed from a link or an image tag. `productKey` is null when the license has none.
export const POST = route({ params: z.object({ id: z.string() }) }, async ({ actor, params, transaction }) => ({
  productKey: await transaction((tx) => revealProductKey(tx, actor, params.id)),
}));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
