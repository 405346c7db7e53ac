'use server';

import { logIn } from '@/lib/auth/login';
import { requestInfo, sendSessionCookie } from '@/lib/boundary/request';
import { publicServerAction } from '@/lib/boundary/server-action';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { completeFirstRunSetup } from '@/lib/users/setup';
import { setupFormSchema } from '../schemas';

export const setupAction = publicServerAction({ input: setupFormSchema }, async ({ input }) => {
  const request = await requestInfo();
  await completeFirstRunSetup(input, request.ipAddress);
  // Sign the new admin in through the normal path, so the session is audited like any other.
  const session = await logIn({ username: input.username, password: input.password, remember: false }, request);
  await sendSessionCookie({
    token: session.token,
    userId: session.user.id,
    persistent: false,
    expiresAt: session.expiresAt,
  });
  await redirectInApp('/');
});
