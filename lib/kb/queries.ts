import 'server-only';
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../actor';
import { listCatalogNames } from '../catalog/spellings';
import type { Executor } from '../db/client';
import { users } from '../db/schema';
import { kbArticleSolutions, kbArticles, type ArticleStatus, type ArticleVisibility } from '../db/schema-kb';
import { onPage, readPage } from '../db/page';
import { searchQuery } from '../db/text-search';
import type { Page } from '../list-params';
import { loadVisibleTicket } from '../tickets/access';
import { articlesVisibleTo, articleNotFound } from './access';
import { requesterAsReader } from './reply-links';
import type { ArticleListQuery, ArticleSuggestionsQuery } from './schemas';
import { isUuid } from '../validation';

export type ArticleRow = {
  id: string;
  title: string;
  category: string;
  status: ArticleStatus;
  visibility: ArticleVisibility;
  solvedCount: number;
  updatedAt: Date;
};

const rowColumns = {
  id: kbArticles.id,
  title: kbArticles.title,
  category: kbArticles.category,
  status: kbArticles.status,
  visibility: kbArticles.visibility,
  solvedCount: kbArticles.solvedCount,
  updatedAt: kbArticles.updatedAt,
};

/**
 * The article categories `reader` may filter by, alphabetically: for staff every listed one (the
 * form's suggestions too); for anyone else only those of articles they may read, so a staff-only
 * or draft article's category stays unknown to them.
 */
export async function listArticleCategories(executor: Executor, reader: { role: Actor['role'] }): Promise<string[]> {
  if (isStaff(reader)) return listCatalogNames(executor, 'kb_category');
  const rows = await executor
    .selectDistinct({ category: kbArticles.category })
    .from(kbArticles)
    .where(articlesVisibleTo(reader))
    .orderBy(asc(kbArticles.category));
  return rows.map((row) => row.category);
}

/**
 * One page of the articles `actor` may read: searched by every word typed (best match first), or
 * else the latest changed first; narrowed by category and, for staff, by draft or published.
 */
export async function listArticles(
  executor: Executor,
  actor: Actor,
  query: ArticleListQuery,
): Promise<Page<ArticleRow>> {
  const text = searchQuery(query.q);
  const where = and(
    articlesVisibleTo(actor),
    text ? sql`${kbArticles.searchVector} @@ ${text}` : undefined,
    query.category ? eq(sql`lower(${kbArticles.category})`, query.category.toLowerCase()) : undefined,
    query.status && isStaff(actor) ? eq(kbArticles.status, query.status) : undefined,
  );
  const order: SQL[] = [
    ...(text ? [desc(sql`ts_rank(${kbArticles.searchVector}, ${text})`)] : []),
    desc(kbArticles.updatedAt),
    asc(kbArticles.id),
  ];
  return readPage(
    query,
    executor
      .select(rowColumns)
      .from(kbArticles)
      .where(onPage({ table: kbArticles, where, order }, query))
      .orderBy(...order),
    executor.$count(kbArticles, where),
  );
}

export type ArticleSuggestion = { id: string; title: string; category: string; solvedCount: number };

/**
 * The published articles best matching `q` (any of its words; title words weigh most, then an
 * article that solved more problems), at most `limit`: beside a new ticket's title, and for
 * linking an article into a reply. With `ticketId` (a public reply on that ticket), only those its
 * requester may open too. Nothing for nothing searchable.
 */
export async function suggestArticles(
  executor: Executor,
  actor: Actor,
  query: ArticleSuggestionsQuery,
): Promise<ArticleSuggestion[]> {
  const text = searchQuery(query.q, 'any');
  if (!text) return [];
  const ticket = query.ticketId ? await loadVisibleTicket(executor, actor, query.ticketId) : null;
  const requester = ticket ? await requesterAsReader(executor, ticket.requesterId) : null;
  return executor
    .select({
      id: kbArticles.id,
      title: kbArticles.title,
      category: kbArticles.category,
      solvedCount: kbArticles.solvedCount,
    })
    .from(kbArticles)
    .where(
      and(
        eq(kbArticles.status, 'published'),
        articlesVisibleTo(actor),
        requester ? articlesVisibleTo(requester) : undefined,
        sql`${kbArticles.searchVector} @@ ${text}`,
      ),
    )
    .orderBy(desc(sql`ts_rank(${kbArticles.searchVector}, ${text})`), desc(kbArticles.solvedCount), asc(kbArticles.id))
    .limit(query.limit);
}

export type ArticleDetail = ArticleRow & {
  body: string;
  version: number;
  createdAt: Date;
  publishedAt: Date | null;
  author: { displayName: string } | null;
  sourceTicketId: string | null;
  /** Whether the reader already said it solved their problem. */
  solvedByReader: boolean;
};

/** One article as its page shows it; "not found" for an article the reader may not see. */
export async function getArticle(executor: Executor, actor: Actor, articleId: string): Promise<ArticleDetail> {
  if (!isUuid(articleId)) throw articleNotFound();
  const [row] = await executor
    .select({
      ...rowColumns,
      body: kbArticles.body,
      version: kbArticles.version,
      createdAt: kbArticles.createdAt,
      publishedAt: kbArticles.publishedAt,
      authorName: users.displayName,
      sourceTicketId: kbArticles.sourceTicketId,
    })
    .from(kbArticles)
    .leftJoin(users, eq(users.id, kbArticles.authorId))
    .where(and(eq(kbArticles.id, articleId), articlesVisibleTo(actor)))
    .limit(1);
  if (!row) throw articleNotFound();
  const [mine] = await executor
    .select({ solutions: count() })
    .from(kbArticleSolutions)
    .where(and(eq(kbArticleSolutions.articleId, articleId), eq(kbArticleSolutions.userId, actor.id)));
  const { authorName, ...article } = row;
  return {
    ...article,
    author: authorName === null ? null : { displayName: authorName },
    sourceTicketId: isStaff(actor) ? article.sourceTicketId : null,
    solvedByReader: mine.solutions > 0,
  };
}
