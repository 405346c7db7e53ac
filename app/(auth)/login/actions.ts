'use server';

import { publicServerAction } from '@/lib/boundary/server-action';
import { signInOrChallenge, signInWithCode } from '@/lib/boundary/sign-in';
import { getConfig } from '@/lib/config';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { safeNextPath } from '@/lib/http/safe-next';
import { codeFormSchema, loginFormSchema } from '../schemas';

export const loginAction = publicServerAction({ input: loginFormSchema }, async ({ input }) => {
  const next = safeNextPath(input.next, getConfig().basePath);
  // A right password for an account with a second factor opens no session: the code page is next.
  if (!(await signInOrChallenge(input))) await redirectInApp(`/login/code?next=${encodeURIComponent(next)}`);
  await redirectInApp(next);
});

export const codeAction = publicServerAction({ input: codeFormSchema }, async ({ input }) => {
  await signInWithCode(input.code);
  await redirectInApp(safeNextPath(input.next, getConfig().basePath));
});
