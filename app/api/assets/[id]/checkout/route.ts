import { z } from 'zod';
import { checkOutAsset } from '@/lib/assets/assignments';
import { checkOutSchema } from '@/lib/assets/schemas';
import { otherMethods, route } from '@/lib/boundary/route';

export const POST = route(
  { params: z.object({ id: z.string() }), body: checkOutSchema },
  async ({ actor, params, body, transaction }) => ({
    asset: await transaction((tx) => checkOutAsset(tx, actor, { ...body, assetId: params.id })),
  }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
