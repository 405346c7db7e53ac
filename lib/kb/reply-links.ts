import 'server-only';
import { and, eq, inArray, not } from 'drizzle-orm';
import { isStaff } from '../actor';
import type { Executor } from '../db/client';
import { users, type UserRole } from '../db/schema';
import { kbArticles } from '../db/schema-kb';
import { AppError } from '../errors';
import { articlesVisibleTo } from './access';

// A public reply is read by the ticket's requester: an article linked in it must be one they may
// open, or the reply points them at a "not found". Internal notes are read by staff only.

// The reply box's "Insert article link" writes …/kb/<id>; a link typed or pasted has the same path.
const articleLinkPattern = /\/kb\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/gi;

export function linkedArticleIds(body: string): string[] {
  return [...new Set([...body.matchAll(articleLinkPattern)].map((match) => match[1].toLowerCase()))];
}

/** The requester of a ticket as a reader of articles (a deleted account reads like a requester). */
export async function requesterAsReader(executor: Executor, requesterId: string): Promise<{ role: UserRole }> {
  const [requester] = await executor.select({ role: users.role }).from(users).where(eq(users.id, requesterId));
  return requester ?? { role: 'requester' };
}

/**
 * Refuses a public reply, or a description written by staff, that links an article the ticket's
 * requester may not open, naming the article; `field` is the form field the message belongs to.
 */
export async function assertRequesterCanOpenLinks(
  executor: Executor,
  requesterId: string,
  body: string,
  field: 'body' | 'description' = 'body',
): Promise<void> {
  const ids = linkedArticleIds(body);
  if (ids.length === 0) return;
  const reader = await requesterAsReader(executor, requesterId);
  if (isStaff(reader)) return;
  const [hidden] = await executor
    .select({ title: kbArticles.title })
    .from(kbArticles)
    .where(and(inArray(kbArticles.id, ids), not(articlesVisibleTo(reader)!)))
    .limit(1);
  if (!hidden) return;
  const instead =
    field === 'body' ? 'Link an article for everyone, or write an internal note.' : 'Link an article for everyone.';
  const message = `The requester cannot open the article “${hidden.title}” (staff only or a draft). ${instead}`;
  throw new AppError('validation_failed', message, { fields: { [field]: message } });
}
