import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { articleListFields } from '../catalog/kinds';
import { inListedSpelling } from '../catalog/spellings';
import type { Transaction } from '../db/client';
import { kbArticleSolutions, kbArticles } from '../db/schema-kb';
import { updateAtVersion } from '../db/versioned';
import { AppError, staleVersion } from '../errors';
import { loadVisibleTicket } from '../tickets/access';
import { parseInput } from '../validation';
import { assertCanWriteArticles, loadVisibleArticle } from './access';
import { auditArticle } from './audit';
import { articleChangeSchema, newArticleSchema, type ArticleChangeInput, type NewArticleInput } from './schemas';

/** Staff write an article, as a draft or published at once; a new category joins the list as typed. */
export async function createArticle(tx: Transaction, actor: Actor, input: NewArticleInput): Promise<{ id: string }> {
  assertCanWriteArticles(actor);
  const parsed = parseInput(newArticleSchema, input);
  if (parsed.sourceTicketId) await loadVisibleTicket(tx, actor, parsed.sourceTicketId);
  const { category } = await inListedSpelling(tx, articleListFields, { category: parsed.category });
  const [created] = await tx
    .insert(kbArticles)
    .values({
      title: parsed.title,
      body: parsed.body,
      category,
      status: parsed.status,
      visibility: parsed.visibility,
      authorId: actor.id,
      sourceTicketId: parsed.sourceTicketId ?? null,
      publishedAt: parsed.status === 'published' ? sql`now()` : null,
    })
    .returning({ id: kbArticles.id });
  await auditArticle(
    tx,
    actor,
    'kb_article.create',
    { id: created.id, title: parsed.title },
    {
      category,
      status: parsed.status,
      visibility: parsed.visibility,
      sourceTicketId: parsed.sourceTicketId ?? null,
    },
  );
  return created;
}

type FieldChange = { from: unknown; to: unknown };
const changeableFields = ['title', 'body', 'category', 'status', 'visibility'] as const;

/**
 * Saves an edit made from the version the editor read; an article saved by someone else since is
 * refused. Only what differs is written, and named in the one audit row (the body only as "changed").
 */
export async function updateArticle(
  tx: Transaction,
  actor: Actor,
  input: ArticleChangeInput & { articleId: string },
): Promise<{ changed: boolean; version: number }> {
  assertCanWriteArticles(actor);
  const { articleId, ...fields } = input;
  const change = parseInput(articleChangeSchema, fields);
  const current = await loadVisibleArticle(tx, actor, articleId);
  if (current.version !== change.version) throw staleVersion();
  const { category } = await inListedSpelling(tx, articleListFields, { category: change.category });
  const next = { ...change, category };

  const changes: Record<string, FieldChange> = {};
  for (const field of changeableFields) {
    if (next[field] !== current[field])
      changes[field] = field === 'body' ? { from: null, to: null } : { from: current[field], to: next[field] };
  }
  if (Object.keys(changes).length === 0) return { changed: false, version: current.version };
  const firstPublished = next.status === 'published' && current.status !== 'published';
  const version = await updateAtVersion(tx, kbArticles, current, {
    title: next.title,
    body: next.body,
    category: next.category,
    status: next.status,
    visibility: next.visibility,
    ...(firstPublished ? { publishedAt: sql`coalesce(${kbArticles.publishedAt}, now())` } : {}),
  });
  await auditArticle(tx, actor, 'kb_article.update', { id: current.id, title: next.title }, { changes });
  return { changed: true, version };
}

/**
 * "This solved it": counts the article once for each person who says so (a second click counts
 * nothing), and closes nothing. Returns the article's count after it.
 */
export async function markArticleSolved(
  tx: Transaction,
  actor: Actor,
  input: { articleId: string },
): Promise<{ solvedCount: number; counted: boolean }> {
  const article = await loadVisibleArticle(tx, actor, input.articleId);
  if (article.status !== 'published')
    throw new AppError('conflict', 'Publish the article first: only a published article counts as a solution.');
  const added = await tx
    .insert(kbArticleSolutions)
    .values({ articleId: article.id, userId: actor.id })
    .onConflictDoNothing()
    .returning({ at: kbArticleSolutions.at });
  if (added.length === 0) {
    const [row] = await tx
      .select({ solvedCount: kbArticles.solvedCount })
      .from(kbArticles)
      .where(eq(kbArticles.id, article.id));
    return { solvedCount: row.solvedCount, counted: false };
  }
  // The article's own version stays: a count is no edit, so nobody's open edit goes stale.
  const [row] = await tx
    .update(kbArticles)
    .set({ solvedCount: sql`${kbArticles.solvedCount} + 1` })
    .where(eq(kbArticles.id, article.id))
    .returning({ solvedCount: kbArticles.solvedCount });
  await auditArticle(tx, actor, 'kb_article.solved', article, { solvedCount: row.solvedCount });
  return { solvedCount: row.solvedCount, counted: true };
}
