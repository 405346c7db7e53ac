import { authenticate, getRequestInfo } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { assertSameOrigin, fieldErrors, jsonOk, jsonRoute, parseJsonBody } from '@/lib/http/json';
import { searchParamsToObject } from '@/lib/http/list-params';
import { createLicense } from '@/lib/licenses/mutations';
import { listLicenses } from '@/lib/licenses/queries';
import { licenseFieldsSchema, licenseListSchema } from '@/lib/licenses/schemas';

export const GET = jsonRoute(async (request) => {
  const parsed = licenseListSchema.strict().safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError('validation_failed', 'Some query parameters are invalid.', { fields: fieldErrors(parsed.error) });
  const { user } = await authenticate();
  return jsonOk(await listLicenses(await getDb(), user, parsed.data));
});

export const POST = jsonRoute(async (request) => {
  assertSameOrigin(request);
  const input = await parseJsonBody(request, licenseFieldsSchema);
  const { user } = await authenticate();
  const { ipAddress } = await getRequestInfo();
  const db = await getDb();
  const license = await db.transaction((tx) => createLicense(tx, input, { actor: user, ipAddress }));
  return jsonOk({ license }, { status: 201 });
});
