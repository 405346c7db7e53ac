import type { Metadata } from 'next';
import { BackLink } from '@/app/components/link';
import { isStaff } from '@/lib/actor';
import { foundOrNotFound, pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { attachmentLimits } from '@/lib/tickets/attachments';
import { listTicketCategories } from '@/lib/tickets/categories';
import { listAssetsAssignedTo } from '@/lib/tickets/queries';
import { problemReportDraft } from '@/lib/self-service/devices';
import { NewTicketForm } from './new-ticket-form';
import { WithArticleSuggestions } from '../../kb/article-suggestions';

export const metadata: Metadata = { title: 'New ticket' };

export default async function NewTicketPage({ searchParams }: { searchParams: Promise<{ asset?: string }> }) {
  const actor = await pageActor();
  const db = await getDb();
  const staff = isStaff(actor);
  const { asset } = await searchParams;
  // "Report a problem" (a device on the home page) comes with ?asset=: that asset, its category guessed.
  const report = typeof asset === 'string' ? await foundOrNotFound(problemReportDraft(db, actor, asset)) : null;
  // A requester picks one of their own assets here; agents link any asset on the ticket's page.
  const [assets, categories] = await Promise.all([
    staff ? (report ? [report.asset] : []) : listAssetsAssignedTo(db, actor),
    listTicketCategories(db),
  ]);
  const form = (
    <section className="panel" aria-label="New ticket">
      <NewTicketForm
        assets={assets}
        choosesRequester={staff}
        categories={categories}
        attachmentLimits={attachmentLimits()}
        report={report ? { assetId: report.asset.id, category: report.category ?? undefined } : undefined}
      />
    </section>
  );
  // A requester sees the knowledge base articles matching the title as they type it.
  return (
    <>
      <BackLink href="/tickets">Tickets</BackLink>
      <h1>New ticket</h1>
      {staff ? form : <WithArticleSuggestions>{form}</WithArticleSuggestions>}
    </>
  );
}
