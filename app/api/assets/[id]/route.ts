import { z } from 'zod';
import { updateAsset } from '@/lib/assets/mutations';
import { findAsset } from '@/lib/assets/queries';
import { assetChangesSchema } from '@/lib/assets/schemas';
import { otherMethods, route } from '@/lib/boundary/route';

const assetParams = z.object({ id: z.string() });

export const GET = route({ params: assetParams }, async ({ actor, params, db }) => ({
  asset: await findAsset(db, actor, params.id),
}));

export const PATCH = route(
  { params: assetParams, body: assetChangesSchema },
  async ({ actor, params, body, transaction }) => ({
    asset: await transaction((tx) => updateAsset(tx, actor, { ...body, assetId: params.id })),
  }),
);

export const { POST, PUT, DELETE, OPTIONS } = otherMethods('GET', 'PATCH');
