import { logOut } from '@/lib/auth/session-endings';
import { actorOf, sendSignedOutCookie } from '@/lib/boundary/request';
import { publicRoute } from '@/lib/boundary/route';

// Public: signing out always succeeds and clears the cookie, whatever state the session is in.
export const POST = publicRoute({}, async ({ signedIn, transaction }) => {
  const current = await signedIn();
  if (current) {
    const actor = await actorOf(current);
    await transaction((tx) => logOut(tx, actor));
  }
  await sendSignedOutCookie();
  return { ok: true };
});
