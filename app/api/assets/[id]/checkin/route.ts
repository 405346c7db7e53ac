import { checkInAsset } from '@/lib/assets/assignments';
import { authenticateAssetContext, readOptionalJson } from '@/lib/assets/request-context';
import { checkInSchema } from '@/lib/assets/schemas';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { assertSameOrigin, fieldErrors, jsonOk, jsonRoute } from '@/lib/http/json';

export const POST = jsonRoute(async (request, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(request);
  const { id } = await params;
  const parsed = checkInSchema.safeParse(await readOptionalJson(request));
  if (!parsed.success) throw new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: fieldErrors(parsed.error) });
  const context = await authenticateAssetContext();
  const db = await getDb();
  const asset = await db.transaction((tx) => checkInAsset(tx, id, parsed.data, context));
  return jsonOk({ asset });
});
