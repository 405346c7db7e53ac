import { createAsset } from '@/lib/assets/mutations';
import { listAssets } from '@/lib/assets/queries';
import { newAssetSchema, strictAssetListSchema } from '@/lib/assets/schemas';
import { otherMethods, route } from '@/lib/boundary/route';
import { jsonOk } from '@/lib/http/json';

export const GET = route({ query: strictAssetListSchema }, async ({ actor, query, db }) =>
  listAssets(db, actor, query),
);

export const POST = route({ body: newAssetSchema }, async ({ actor, body, transaction }) => {
  const asset = await transaction((tx) => createAsset(tx, actor, body));
  return jsonOk({ asset }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
