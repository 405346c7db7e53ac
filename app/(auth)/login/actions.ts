'use server';

import { publicServerAction } from '@/lib/boundary/server-action';
import { signIn } from '@/lib/boundary/sign-in';
import { getConfig } from '@/lib/config';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { safeNextPath } from '@/lib/http/safe-next';
import { loginFormSchema } from '../schemas';

export const loginAction = publicServerAction({ input: loginFormSchema }, async ({ input }) => {
  await signIn(input);
  await redirectInApp(safeNextPath(input.next, getConfig().basePath));
});
