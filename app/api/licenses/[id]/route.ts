import { z } from 'zod';
import { otherMethods, route } from '@/lib/boundary/route';
import { AppError } from '@/lib/errors';
import { updateLicense } from '@/lib/licenses/mutations';
import { getLicense } from '@/lib/licenses/queries';
import { licenseUpdateSchema } from '@/lib/licenses/schemas';

const licenseParams = z.object({ id: z.string() });

/** The license with its seats and the key masked; the full key is POST /api/licenses/:id/reveal (audited). */
export const GET = route({ params: licenseParams }, async ({ actor, params, request, db }) => {
  if (new URL(request.url).searchParams.has('reveal'))
    throw new AppError('bad_request', 'Reading a product key is recorded: send POST /api/licenses/:id/reveal instead.');
  return { license: await getLicense(db, actor, params.id) };
});

export const PATCH = route(
  { params: licenseParams, body: licenseUpdateSchema.strict() },
  async ({ actor, params, body, transaction }) => ({
    license: await transaction((tx) => updateLicense(tx, actor, { ...body, licenseId: params.id })),
  }),
);

export const { POST, PUT, DELETE, OPTIONS } = otherMethods('GET', 'PATCH');
