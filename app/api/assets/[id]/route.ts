import { updateAsset } from '@/lib/assets/mutations';
import { findAsset } from '@/lib/assets/queries';
import { authenticateAssetContext } from '@/lib/assets/request-context';
import { assetChangesSchema } from '@/lib/assets/schemas';
import { getDb } from '@/lib/db/client';
import { assertSameOrigin, jsonOk, jsonRoute, parseJsonBody } from '@/lib/http/json';

type Context = { params: Promise<{ id: string }> };

export const GET = jsonRoute(async (_request, { params }: Context) => {
  const { id } = await params;
  const context = await authenticateAssetContext();
  return jsonOk({ asset: await findAsset(await getDb(), context.actor, id) });
});

export const PATCH = jsonRoute(async (request, { params }: Context) => {
  assertSameOrigin(request);
  const { id } = await params;
  const body = await parseJsonBody(request, assetChangesSchema);
  const context = await authenticateAssetContext();
  const db = await getDb();
  const asset = await db.transaction((tx) => updateAsset(tx, id, body, context));
  return jsonOk({ asset });
});
