import { passkeyRegistrationOptions } from '@/lib/auth/passkeys';
import { otherMethods, route } from '@/lib/boundary/route';

/** What the browser needs to make a new passkey for the signed-in user. */
export const POST = route({}, async ({ actor, transaction }) => ({
  options: await transaction((tx) => passkeyRegistrationOptions(tx, actor)),
}));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
