'use server';

import { logIn } from '@/lib/auth/login';
import { presentedSessionToken, requestInfo, sendSessionCookie } from '@/lib/boundary/request';
import { publicServerAction } from '@/lib/boundary/server-action';
import { getConfig } from '@/lib/config';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { safeNextPath } from '@/lib/http/safe-next';
import { loginFormSchema } from '../schemas';

export const loginAction = publicServerAction({ input: loginFormSchema }, async ({ input }) => {
  const session = await logIn(input, await requestInfo(), await presentedSessionToken());
  await sendSessionCookie({
    token: session.token,
    userId: session.user.id,
    persistent: session.persistent,
    expiresAt: session.expiresAt,
  });
  await redirectInApp(safeNextPath(input.next, getConfig().basePath));
});
