import { z } from 'zod';
import { listPasskeys, registerPasskey } from '@/lib/auth/passkeys';
import { passkeyNameSchema, registrationResponseSchema } from '@/lib/auth/passkey-schemas';
import { otherMethods, route } from '@/lib/boundary/route';

/** The signed-in user's passkeys: names and dates, never key material. */
export const GET = route({}, async ({ actor, db }) => ({ items: await listPasskeys(db, actor.id) }));

const registerBody = z.object({ name: passkeyNameSchema, response: registrationResponseSchema });

/** Stores the passkey the browser just made, answering the challenge of POST /api/account/passkeys/options. */
export const POST = route({ body: registerBody }, async ({ actor, body, transaction }) => ({
  passkey: await transaction((tx) => registerPasskey(tx, actor, body)),
}));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
