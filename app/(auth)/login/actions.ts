'use server';

import { validatedAction } from '@/lib/actions/validated-action';
import { getRequestInfo, readSessionToken, setSessionCookie } from '@/lib/auth/dal';
import { logIn } from '@/lib/auth/login';
import { getConfig } from '@/lib/config';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { safeNextPath } from '@/lib/http/safe-next';
import { loginFormSchema } from '../schemas';

export const loginAction = validatedAction(loginFormSchema, async (data) => {
  const request = await getRequestInfo();
  const session = await logIn(data, request, (await readSessionToken()) ?? undefined);
  await setSessionCookie({ token: session.token, userId: session.user.id, persistent: session.persistent, expiresAt: session.expiresAt });
  await redirectInApp(safeNextPath(data.next, getConfig().basePath));
});
