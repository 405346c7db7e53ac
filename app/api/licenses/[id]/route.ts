import { authenticate, getRequestInfo } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { assertSameOrigin, jsonOk, jsonRoute, parseJsonBody } from '@/lib/http/json';
import { revealProductKey, updateLicense } from '@/lib/licenses/mutations';
import { getLicense } from '@/lib/licenses/queries';
import { licenseUpdateSchema } from '@/lib/licenses/schemas';

type Context = { params: Promise<{ id: string }> };

/** The license with its seats; `?reveal=1` adds the full product key and audits that it was read. */
export const GET = jsonRoute(async (request, { params }: Context) => {
  const { id } = await params;
  const reveal = new URL(request.url).searchParams.get('reveal') === '1';
  const { user } = await authenticate();
  const db = await getDb();
  const license = await getLicense(db, user, id);
  if (!reveal) return jsonOk({ license });
  const { ipAddress } = await getRequestInfo();
  const productKey = await db.transaction((tx) => revealProductKey(tx, id, { actor: user, ipAddress }));
  return jsonOk({ license: { ...license, productKey } });
});

export const PATCH = jsonRoute(async (request, { params }: Context) => {
  assertSameOrigin(request);
  const { id } = await params;
  const input = await parseJsonBody(request, licenseUpdateSchema.strict());
  const { user } = await authenticate();
  const { ipAddress } = await getRequestInfo();
  const db = await getDb();
  const license = await db.transaction((tx) => updateLicense(tx, id, input, { actor: user, ipAddress }));
  return jsonOk({ license });
});
