import { z } from 'zod';
import { getRequestInfo, readSessionToken, setSessionCookie } from '@/lib/auth/dal';
import { logIn } from '@/lib/auth/login';
import { assertSameOrigin, jsonOk, jsonRoute, parseJsonBody } from '@/lib/http/json';

const loginBody = z.object({
  username: z.string({ error: 'username is required and must be a string.' }).trim().min(1, 'username is required.').max(200),
  password: z
    .string({ error: 'password is required and must be a string.' })
    .min(1, 'password is required.')
    .refine((text) => new TextEncoder().encode(text).length <= 72, { message: 'password is at most 72 bytes long.' }),
  remember: z.boolean({ error: 'remember must be true or false.' }).optional().default(false),
});

export const POST = jsonRoute(async (request) => {
  assertSameOrigin(request);
  const body = await parseJsonBody(request, loginBody);
  const session = await logIn(body, await getRequestInfo(), (await readSessionToken()) ?? undefined);
  await setSessionCookie({ token: session.token, userId: session.user.id, persistent: session.persistent, expiresAt: session.expiresAt });
  const { id, username, displayName, role } = session.user;
  return jsonOk({ user: { id, username, displayName, role } });
});
