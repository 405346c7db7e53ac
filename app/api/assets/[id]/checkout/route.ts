import { checkOutAsset } from '@/lib/assets/assignments';
import { authenticateAssetContext } from '@/lib/assets/request-context';
import { checkOutSchema } from '@/lib/assets/schemas';
import { getDb } from '@/lib/db/client';
import { assertSameOrigin, jsonOk, jsonRoute, parseJsonBody } from '@/lib/http/json';

export const POST = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  const { id } = await params;
  const body = await parseJsonBody(request, checkOutSchema);
  const context = await authenticateAssetContext();
  const db = await getDb();
  const asset = await db.transaction((tx) => checkOutAsset(tx, id, body, context));
  return jsonOk({ asset });
});
