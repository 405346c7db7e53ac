import 'server-only';
import { and, eq, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../actor';
import type { Executor } from '../db/client';
import type { UserRole } from '../db/schema';
import { kbArticles, type ArticleStatus, type ArticleVisibility } from '../db/schema-kb';
import { AppError } from '../errors';
import { isUuid } from '../validation';

// The one place that decides which articles a user may read. Staff read and write every article;
// anyone else reads published articles meant for everyone, and any other is "not found", exactly
// like an article that does not exist.

export function articleNotFound(): AppError {
  return new AppError('not_found', 'No such article.');
}

/** A condition limiting a query to the articles `reader` may read (undefined: all of them). */
export function articlesVisibleTo(reader: { role: UserRole }): SQL | undefined {
  return isStaff(reader) ? undefined : and(eq(kbArticles.status, 'published'), eq(kbArticles.visibility, 'everyone'));
}

/** Only staff write articles; anyone else is told there is nothing here. */
export function assertCanWriteArticles(actor: Actor): void {
  if (!isStaff(actor)) throw articleNotFound();
}

export type ArticleState = {
  id: string;
  title: string;
  body: string;
  category: string;
  status: ArticleStatus;
  visibility: ArticleVisibility;
  version: number;
};

export const articleStateColumns = {
  id: kbArticles.id,
  title: kbArticles.title,
  body: kbArticles.body,
  category: kbArticles.category,
  status: kbArticles.status,
  visibility: kbArticles.visibility,
  version: kbArticles.version,
};

/** The article's current state when `actor` may read it; otherwise AppError('not_found'). */
export async function loadVisibleArticle(executor: Executor, actor: Actor, articleId: string): Promise<ArticleState> {
  if (!isUuid(articleId)) throw articleNotFound();
  const [row] = await executor
    .select(articleStateColumns)
    .from(kbArticles)
    .where(and(eq(kbArticles.id, articleId), articlesVisibleTo(actor)))
    .limit(1);
  if (!row) throw articleNotFound();
  return row;
}
