import { z } from 'zod';
import { logIn } from '@/lib/auth/login';
import { presentedSessionToken, requestInfo, sendSessionCookie } from '@/lib/boundary/request';
import { publicRoute } from '@/lib/boundary/route';

const loginBody = z.object({
  username: z
    .string({ error: 'username is required and must be a string.' })
    .trim()
    .min(1, 'username is required.')
    .max(200),
  password: z
    .string({ error: 'password is required and must be a string.' })
    .min(1, 'password is required.')
    .refine((text) => new TextEncoder().encode(text).length <= 72, { message: 'password is at most 72 bytes long.' }),
  remember: z.boolean({ error: 'remember must be true or false.' }).optional().default(false),
});

export const POST = publicRoute({ body: loginBody }, async ({ body }) => {
  const session = await logIn(body, await requestInfo(), await presentedSessionToken());
  await sendSessionCookie({
    token: session.token,
    userId: session.user.id,
    persistent: session.persistent,
    expiresAt: session.expiresAt,
  });
  const { id, username, displayName, role } = session.user;
  return { user: { id, username, displayName, role } };
});
