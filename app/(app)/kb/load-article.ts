import 'server-only';
import type { Actor } from '@/lib/actor';
import { foundOrNotFound } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { getArticle } from '@/lib/kb/queries';

/** The article for its pages; one the reader may not see is the page's 404, like one that does not exist. */
export async function loadArticle(actor: Actor, id: string) {
  return foundOrNotFound(getArticle(await getDb(), actor, id));
}
