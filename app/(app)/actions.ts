'use server';

import { clearSessionCookie, getCurrentSession, getRequestInfo } from '@/lib/auth/dal';
import { logOut } from '@/lib/auth/session-actions';
import { redirectInApp } from '@/lib/http/redirect-in-app';

export async function logoutAction(): Promise<void> {
  const current = await getCurrentSession();
  if (current) {
    const { ipAddress } = await getRequestInfo();
    await logOut(current.token, { id: current.user.id, username: current.user.username }, ipAddress);
  }
  await clearSessionCookie();
  await redirectInApp('/login');
}
