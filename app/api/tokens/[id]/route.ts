import { z } from 'zod';
import { revokeApiToken } from '@/lib/auth/api-tokens';
import { otherMethods, route } from '@/lib/boundary/route';

const tokenParams = z.object({ id: z.string() });

/** Revokes the token (its owner's, or any for an admin); it is refused from its next request. */
export const DELETE = route({ params: tokenParams }, async ({ actor, params, transaction }) => {
  await transaction((tx) => revokeApiToken(tx, actor, { tokenId: params.id }));
  return { revoked: true };
});

export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods('DELETE');
