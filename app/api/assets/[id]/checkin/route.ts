import { z } from 'zod';
import { checkInAsset } from '@/lib/assets/assignments';
import { checkInSchema } from '@/lib/assets/schemas';
import { otherMethods, route } from '@/lib/boundary/route';

// A plain check-in sends no body at all; one that sets a status or notes sends JSON.
export const POST = route(
  { params: z.object({ id: z.string() }), body: checkInSchema, bodyOptional: true },
  async ({ actor, params, body, transaction }) => ({
    asset: await transaction((tx) => checkInAsset(tx, actor, { ...body, assetId: params.id })),
  }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
