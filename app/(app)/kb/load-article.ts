import 'server-only';
import { notFound } from 'next/navigation';
import type { Actor } from '@/lib/actor';
import { getDb } from '@/lib/db/client';
import { isAppError } from '@/lib/errors';
import { getArticle } from '@/lib/kb/queries';

/** The article for its pages; one the reader may not see is the page's 404, like one that does not exist. */
export async function loadArticle(actor: Actor, id: string) {
  try {
    return await getArticle(await getDb(), actor, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}
