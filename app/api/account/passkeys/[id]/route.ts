import { z } from 'zod';
import { removePasskey, renamePasskey } from '@/lib/auth/passkeys';
import { passkeyNameSchema } from '@/lib/auth/passkey-schemas';
import { otherMethods, route } from '@/lib/boundary/route';

const passkeyParams = z.object({ id: z.string() });

export const PATCH = route(
  { params: passkeyParams, body: z.object({ name: passkeyNameSchema }).strict() },
  async ({ actor, params, body, transaction }) => ({
    passkey: await transaction((tx) => renamePasskey(tx, actor, { id: params.id, name: body.name })),
  }),
);

export const DELETE = route({ params: passkeyParams }, async ({ actor, params, transaction }) => ({
  removed: await transaction((tx) => removePasskey(tx, actor, { id: params.id })),
}));

export const { GET, POST, PUT, OPTIONS } = otherMethods('PATCH', 'DELETE');
