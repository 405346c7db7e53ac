import { z } from 'zod';
import { authenticationResponseSchema } from '@/lib/auth/passkey-schemas';
import { otherMethods, publicRoute } from '@/lib/boundary/route';
import { signInWithPasskey } from '@/lib/boundary/sign-in';
import { getConfig } from '@/lib/config';
import { safeNextPath } from '@/lib/http/safe-next';
import { singleLineText } from '@/lib/validation';

const verifyBody = z.object({
  response: authenticationResponseSchema,
  // Any length: a return path too long to carry goes to the dashboard (safeNextPath).
  next: singleLineText().optional(),
  remember: z.boolean().default(false),
});

/** Signs in with the passkey's answer; `location` is where to go next, always inside the app. */
export const POST = publicRoute({ body: verifyBody }, async ({ body }) => {
  const { id, username, displayName, role } = await signInWithPasskey({
    response: body.response,
    remember: body.remember,
  });
  const { basePath } = getConfig();
  return { user: { id, username, displayName, role }, location: `${basePath}${safeNextPath(body.next, basePath)}` };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
