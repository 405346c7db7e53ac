'use server';

import { publicServerAction } from '@/lib/boundary/server-action';
import { mustSetUpSecondFactor, secondFactorSetupPath } from '@/lib/boundary/request';
import { signInOrChallenge, signInWithCode } from '@/lib/boundary/sign-in';
import { getConfig } from '@/lib/config';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { safeNextPath } from '@/lib/http/safe-next';
import { codeFormSchema, loginFormSchema } from '../schemas';

export const loginAction = publicServerAction({ input: loginFormSchema }, async ({ input }) => {
  const next = safeNextPath(input.next, getConfig().basePath);
  const user = await signInOrChallenge(input);
  // A right password for an account with a second factor opens no session: the code page is next.
  if (!user) await redirectInApp(`/login/code?next=${encodeURIComponent(next)}`);
  else await redirectInApp(await afterSignIn(user.id, next));
});

export const codeAction = publicServerAction({ input: codeFormSchema }, async ({ input }) => {
  const user = await signInWithCode(input.code);
  await redirectInApp(await afterSignIn(user.id, safeNextPath(input.next, getConfig().basePath)));
});

/**
 * Where a sign-in goes: straight to the set-up when the role requires a second factor the user
 * lacks (a page's own redirect, rendered inside this action's answer, would lose the base path).
 */
async function afterSignIn(userId: string, next: string): Promise<string> {
  return (await mustSetUpSecondFactor(userId)) ? secondFactorSetupPath : next;
}
