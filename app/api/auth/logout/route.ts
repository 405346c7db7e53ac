import { otherMethods, publicRoute } from '@/lib/boundary/route';
import { signOut } from '@/lib/boundary/sign-in';

// Public: signing out always succeeds and clears the cookie, whatever state the session is in.
export const POST = publicRoute({}, async () => {
  await signOut();
  return { ok: true };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
