import { passkeySignInOptions } from '@/lib/auth/passkey-login';
import { otherMethods, publicRoute } from '@/lib/boundary/route';

/** The challenge for the browser's passkey prompt; it waits on the server for one answer. */
export const POST = publicRoute({}, async () => ({ options: await passkeySignInOptions() }));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
