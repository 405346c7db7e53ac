import { sql, type SQL } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema';
import { tickets } from './schema-domain';
import { tsvector } from './types';

// The knowledge base: articles staff write in Markdown, and who said an article solved their problem.

export const articleStatuses = ['draft', 'published'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
/** 'everyone': every signed-in user once published; 'staff': agents and admins only. */
export const articleVisibilities = ['everyone', 'staff'] as const;
export type ArticleVisibility = (typeof articleVisibilities)[number];

export const kbArticles = pgTable(
  'kb_articles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    // A value of the 'kb_category' managed list (lib/catalog), kept as text like a ticket's category.
    category: text('category').notNull().default('General'),
    status: text('status').$type<ArticleStatus>().notNull().default('draft'),
    visibility: text('visibility').$type<ArticleVisibility>().notNull().default('everyone'),
    // How many people said "This solved it" (one each, kb_article_solutions), kept here for the lists.
    solvedCount: integer('solved_count').notNull().default(0),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    // The ticket whose reply the article was drafted from, if any.
    sourceTicketId: uuid('source_ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // A title word weighs more than a body word when ranking (ts_rank), so the best match comes first.
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('simple', coalesce(${kbArticles.title}, '')), 'A') || setweight(to_tsvector('simple', coalesce(${kbArticles.category}, '')), 'B') || setweight(to_tsvector('simple', coalesce(${kbArticles.body}, '')), 'C')`,
      ),
  },
  (table) => [
    check('kb_articles_status_check', sql`${table.status} in ('draft', 'published')`),
    check('kb_articles_visibility_check', sql`${table.visibility} in ('everyone', 'staff')`),
    index('kb_articles_status_updated_idx').on(table.status, table.updatedAt),
    index('kb_articles_category_idx').on(table.category),
    index('kb_articles_search_idx').using('gin', table.searchVector),
  ],
);

/** One row per person an article helped: the count on the article, with who and when. */
export const kbArticleSolutions = pgTable(
  'kb_article_solutions',
  {
    articleId: uuid('article_id')
      .notNull()
      .references(() => kbArticles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('kb_article_solutions_article_user_key').on(table.articleId, table.userId)],
);
