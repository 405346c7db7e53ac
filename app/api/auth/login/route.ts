import { z } from 'zod';
import { otherMethods, publicRoute } from '@/lib/boundary/route';
import { signIn } from '@/lib/boundary/sign-in';
import { singleLineText } from '@/lib/validation';

const loginBody = z.object({
  username: singleLineText({ error: 'username is required and must be a string.' })
    .min(1, 'username is required.')
    .max(200),
  password: z
    .string({ error: 'password is required and must be a string.' })
    .min(1, 'password is required.')
    .refine((text) => new TextEncoder().encode(text).length <= 72, { message: 'password is at most 72 bytes long.' }),
  remember: z.boolean({ error: 'remember must be true or false.' }).optional().default(false),
  // For an account with a second factor: a code from the authenticator app, or a recovery code.
  code: singleLineText({ error: 'code must be a string.' }).min(1, 'code must not be empty.').max(64).optional(),
});

export const POST = publicRoute({ body: loginBody }, async ({ body }) => {
  const { id, username, displayName, role } = await signIn(body);
  return { user: { id, username, displayName, role } };
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
