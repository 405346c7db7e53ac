import { checkOutMany, checkOutManySchema } from '@/lib/assets/check-out-many';
import { otherMethods, route } from '@/lib/boundary/route';

/** Continuous check-out: every scanned asset to one person in one transaction; each refused one says why. */
export const POST = route({ body: checkOutManySchema }, async ({ actor, body, transaction }) =>
  transaction((tx) => checkOutMany(tx, actor, body)),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
