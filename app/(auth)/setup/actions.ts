'use server';

import { validatedAction } from '@/lib/actions/validated-action';
import { getRequestInfo, setSessionCookie } from '@/lib/auth/dal';
import { logIn } from '@/lib/auth/login';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { completeFirstRunSetup } from '@/lib/users/setup';
import { setupFormSchema } from '../schemas';

export const setupAction = validatedAction(setupFormSchema, async (data) => {
  const request = await getRequestInfo();
  await completeFirstRunSetup(data, request.ipAddress);
  // Sign the new admin in through the normal path, so the session is audited like any other.
  const session = await logIn({ username: data.username, password: data.password, remember: false }, request);
  await setSessionCookie({ token: session.token, userId: session.user.id, persistent: false, expiresAt: session.expiresAt });
  await redirectInApp('/');
});
