import { z } from 'zod';
import { articleStatuses, articleVisibilities } from '../db/schema-kb';
import { formatCount } from '../format-count';
import { paginationSchema } from '../list-params';
import { multiLineText, singleLineText } from '../validation';

// Input shapes for knowledge base articles, shared by server actions, JSON routes and the data layer.

export const maxArticleTitleLength = 200;
export const maxArticleBodyLength = 50_000;
export const defaultArticleCategory = 'General';
export const maxSuggestions = 10;

const unixLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

export const articleFieldsSchema = z.object({
  title: singleLineText({ error: 'Enter a title.' })
    .min(1, 'Enter a title.')
    .max(maxArticleTitleLength, `Use at most ${maxArticleTitleLength} characters.`),
  body: multiLineText({ error: 'Write the article.' })
    .min(1, 'Write the article.')
    .max(maxArticleBodyLength, `Use at most ${formatCount(maxArticleBodyLength)} characters.`)
    .transform(unixLineBreaks),
  category: singleLineText()
    .max(60, 'Use at most 60 characters.')
    .transform((text) => text || defaultArticleCategory)
    .optional()
    .default(defaultArticleCategory),
  status: z.enum(articleStatuses, { error: 'Choose draft or published.' }).optional().default('draft'),
  visibility: z.enum(articleVisibilities, { error: 'Choose everyone or staff only.' }).optional().default('everyone'),
});
export type ArticleFieldsInput = z.input<typeof articleFieldsSchema>;

export const newArticleSchema = articleFieldsSchema.extend({
  // The ticket a reply was turned into this article from (articleDraftFromComment).
  sourceTicketId: z.uuid('Unknown ticket.').optional(),
});
export type NewArticleInput = z.input<typeof newArticleSchema>;

/**
 * A change carries the version it read and the whole article, as the edit form sends it: state and
 * visibility too, so an edit that leaves them out is refused rather than unpublishing the article.
 */
export const articleChangeSchema = articleFieldsSchema.extend({
  status: z.enum(articleStatuses, { error: 'Choose draft or published.' }),
  visibility: z.enum(articleVisibilities, { error: 'Choose everyone or staff only.' }),
  version: z.coerce.number({ error: 'version is required.' }).int().positive('version is required.'),
});
export type ArticleChangeInput = z.input<typeof articleChangeSchema>;

const listFilterFields = {
  q: singleLineText().max(200, 'q is at most 200 characters').optional(),
  category: singleLineText().max(60, 'category is at most 60 characters').optional(),
  status: z.enum(articleStatuses, { error: 'Choose draft or published.' }).optional(),
};
export const articleListPageSchema = paginationSchema.extend(listFilterFields);
export type ArticleListQuery = z.output<typeof articleListPageSchema>;

export const articleSuggestionsSchema = z.object({
  q: singleLineText().max(200, 'q is at most 200 characters').optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1, 'limit is at least 1')
    .max(maxSuggestions, `limit is at most ${maxSuggestions}`)
    .default(3),
  /** For a public reply on this ticket: only the articles its requester may open. */
  ticketId: z.uuid('ticketId is a ticket id').optional(),
});
export type ArticleSuggestionsQuery = z.output<typeof articleSuggestionsSchema>;
