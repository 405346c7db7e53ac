import { z } from 'zod';
import { createApiToken, listApiTokens } from '@/lib/auth/api-tokens';
import { newApiTokenSchema } from '@/lib/auth/api-token-schemas';
import { otherMethods, route } from '@/lib/boundary/route';
import { jsonOk } from '@/lib/http/json';

// Personal access tokens. `?all=1` lists every user's (admins only). The token text is in the
// creation's answer only: it is stored as a hash and never shown again.
const listQuery = z.object({ all: z.enum(['1', 'true']).optional() }).strict();

export const GET = route({ query: listQuery }, async ({ actor, query, db }) => ({
  tokens: await listApiTokens(db, actor, { all: query.all !== undefined }),
}));

export const POST = route({ body: newApiTokenSchema.strict() }, async ({ actor, body, transaction }) => {
  const { id, token } = await transaction((tx) => createApiToken(tx, actor, body));
  return jsonOk({ id, token }, { status: 201 });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET', 'POST');
