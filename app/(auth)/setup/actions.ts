'use server';

import { requestInfo } from '@/lib/boundary/request';
import { publicServerAction } from '@/lib/boundary/server-action';
import { signIn } from '@/lib/boundary/sign-in';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { completeFirstRunSetup } from '@/lib/users/setup';
import { setupFormSchema } from '../schemas';

export const setupAction = publicServerAction({ input: setupFormSchema }, async ({ input }) => {
  await completeFirstRunSetup(input, (await requestInfo()).ipAddress);
  // Sign the new admin in through the normal path, so the session is audited like any other.
  await signIn({ username: input.username, password: input.password, remember: false });
  await redirectInApp('/');
});
