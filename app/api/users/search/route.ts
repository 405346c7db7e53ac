import { otherMethods, route } from '@/lib/boundary/route';
import { userSearchSchema } from '@/lib/users/schemas';
import { searchActiveUsers } from '@/lib/users/search';

export const GET = route({ query: userSearchSchema.strict() }, async ({ actor, query, db }) => ({
  items: await searchActiveUsers(db, actor, query),
}));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
