import type { Metadata } from 'next';
import { BackLink } from '@/app/components/link';
import { staffRoles, type Actor } from '@/lib/actor';
import { foundOrNotFound, pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { articleDraftFromComment, type ArticleDraft } from '@/lib/kb/from-comment';
import { listArticleCategories } from '@/lib/kb/queries';
import type { SearchParams } from '../../_components/list-query';
import { ArticleForm } from '../article-form';

export const metadata: Metadata = { title: 'New article' };

/** `?ticket=&comment=` (the ticket page's "Turn into article"): the reply the article starts from. */
async function prefillFrom(actor: Actor, ticket: unknown, comment: unknown): Promise<ArticleDraft | undefined> {
  if (typeof ticket !== 'string' || typeof comment !== 'string') return undefined;
  return foundOrNotFound(articleDraftFromComment(await getDb(), actor, { ticketId: ticket, commentId: comment }));
}

export default async function NewArticlePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor(staffRoles);
  const { ticket, comment } = await searchParams;
  const [prefill, categories] = await Promise.all([
    prefillFrom(actor, ticket, comment),
    listArticleCategories(await getDb(), actor),
  ]);
  return (
    <>
      <BackLink href={prefill ? `/tickets/${prefill.sourceTicketId}` : '/kb'}>
        {prefill ? 'Back to the ticket' : 'Knowledge base'}
      </BackLink>
      <h1>New article</h1>
      {prefill ? <p className="muted">Starts from the reply; edit it into steps anyone can follow.</p> : null}
      <section className="panel" aria-label="Article">
        <ArticleForm categories={categories} prefill={prefill} />
      </section>
    </>
  );
}
