import { clearSessionCookie, getCurrentSession, getRequestInfo } from '@/lib/auth/dal';
import { logOut } from '@/lib/auth/session-actions';
import { assertSameOrigin, jsonOk, jsonRoute } from '@/lib/http/json';

export const POST = jsonRoute(async (request) => {
  assertSameOrigin(request);
  const current = await getCurrentSession();
  if (current) {
    await logOut(current.token, { id: current.user.id, username: current.user.username }, (await getRequestInfo()).ipAddress);
  }
  await clearSessionCookie();
  return jsonOk({ ok: true });
});
