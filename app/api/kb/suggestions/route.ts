import { otherMethods, route } from '@/lib/boundary/route';
import { suggestArticles } from '@/lib/kb/queries';
import { articleSuggestionsSchema } from '@/lib/kb/schemas';

export const GET = route({ query: articleSuggestionsSchema.strict() }, async ({ actor, query, db }) => ({
  items: await suggestArticles(db, actor, query),
}));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
