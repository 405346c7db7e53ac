import { z } from 'zod';
import { route } from '@/lib/boundary/route';
import { revealProductKey, updateLicense } from '@/lib/licenses/mutations';
import { getLicense } from '@/lib/licenses/queries';
import { licenseUpdateSchema } from '@/lib/licenses/schemas';

const licenseParams = z.object({ id: z.string() });

/** The license with its seats; `?reveal=1` adds the full product key and audits that it was read. */
export const GET = route({ params: licenseParams }, async ({ actor, params, request, db, transaction }) => {
  const reveal = new URL(request.url).searchParams.get('reveal') === '1';
  const license = await getLicense(db, actor, params.id);
  if (!reveal) return { license };
  const productKey = await transaction((tx) => revealProductKey(tx, actor, params.id));
  return { license: { ...license, productKey } };
});

export const PATCH = route(
  { params: licenseParams, body: licenseUpdateSchema.strict() },
  async ({ actor, params, body, transaction }) => ({
    license: await transaction((tx) => updateLicense(tx, actor, { ...body, licenseId: params.id })),
  }),
);
