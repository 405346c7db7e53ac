import { createAsset } from '@/lib/assets/mutations';
import { parseStrictAssetQuery } from '@/lib/assets/list-query';
import { listAssets } from '@/lib/assets/queries';
import { authenticateAssetContext } from '@/lib/assets/request-context';
import { newAssetSchema } from '@/lib/assets/schemas';
import { getDb } from '@/lib/db/client';
import { assertSameOrigin, jsonOk, jsonRoute, parseJsonBody } from '@/lib/http/json';

export const GET = jsonRoute(async (request) => {
  const params = parseStrictAssetQuery(request);
  const context = await authenticateAssetContext();
  return jsonOk(await listAssets(await getDb(), context.actor, params));
});

export const POST = jsonRoute(async (request) => {
  assertSameOrigin(request);
  const body = await parseJsonBody(request, newAssetSchema);
  const context = await authenticateAssetContext();
  const db = await getDb();
  const asset = await db.transaction((tx) => createAsset(tx, body, context));
  return jsonOk({ asset }, { status: 201 });
});
