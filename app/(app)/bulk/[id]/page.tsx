import type { Metadata } from 'next';
import { ActionButton } from '@/app/components/action-button';
import { Fact, Facts } from '@/app/components/facts';
import { BackLink, Link } from '@/app/components/link';
import { PageHeader } from '@/app/components/page-header';
import { Pagination } from '@/app/components/pagination';
import { Panel } from '@/app/components/panel';
import { Time } from '@/app/components/time';
import { isAdmin, staffRoles } from '@/lib/actor';
import { findBulkChange, listBulkChangeItems, type BulkChangeView } from '@/lib/bulk/queries';
import { foundOrNotFound, pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { formatCount } from '@/lib/format-count';
import { paginationSchema, parseListParamsLeniently, searchParamsToObject } from '@/lib/list-params';
import type { SearchParams } from '../../_components/list-query';
import { applyBulkChangeAction } from '../actions';
import { BulkProgress } from './bulk-progress';
import { BulkItemTable } from './item-table';

export const metadata: Metadata = { title: 'Bulk change' };

function Summary({ change }: { change: BulkChangeView }) {
  const { counts } = change;
  if (change.state === 'previewed') {
    return (
      <p>
        {formatCount(counts.planned)} will change; {formatCount(counts.refused)} cannot (the reasons are below). Items
        changed by someone else before you apply are left as they are and reported.
      </p>
    );
  }
  if (change.state !== 'done') return null;
  return (
    <p role="status">
      Done: {formatCount(counts.changed)} changed, {formatCount(counts.skipped)} skipped, {formatCount(counts.stale)}{' '}
      changed by someone else since the preview, {formatCount(counts.failed)} failed.
    </p>
  );
}

export default async function BulkChangePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const actor = await pageActor(staffRoles);
  const { id } = await params;
  const paging = parseListParamsLeniently(paginationSchema, {
    pageSize: '100',
    ...searchParamsToObject(await searchParams),
  });
  const db = await getDb();
  const change = await foundOrNotFound(findBulkChange(db, actor, id));
  const items = await listBulkChangeItems(db, actor, id, paging);
  const noun = change.target === 'asset' ? 'assets' : 'tickets';
  const running = change.state === 'queued' || change.state === 'running';

  return (
    <>
      <BackLink href={change.target === 'asset' ? '/assets' : '/tickets'}>Back to the {noun}</BackLink>
      <PageHeader title={change.state === 'previewed' ? 'Preview of a bulk change' : 'Bulk change'} />
      <Panel id="bulk-summary" title={change.description}>
        <Facts>
          <Fact term="For">{change.scope}</Fact>
          <Fact term="Previewed">
            <Time value={change.createdAt} />
          </Fact>
          {change.finishedAt ? (
            <Fact term="Finished">
              <Time value={change.finishedAt} />
            </Fact>
          ) : null}
        </Facts>
        <Summary change={change} />
        {change.state === 'previewed' && change.counts.planned > 0 ? (
          <ActionButton
            action={applyBulkChangeAction}
            fields={{ id: change.id }}
            label={`Apply to ${formatCount(change.counts.planned)} ${change.counts.planned === 1 ? noun.slice(0, -1) : noun}`}
          />
        ) : null}
        {running ? (
          <BulkProgress
            id={change.id}
            initial={{ state: change.state, done: change.counts.done, total: change.counts.total }}
          />
        ) : null}
        {change.state === 'done' && isAdmin(actor) ? (
          <p>
            <Link href={`/admin/audit?batch=${change.id}`}>This change in the audit log</Link>
          </p>
        ) : null}
      </Panel>
      <Panel id="bulk-items" title={change.state === 'previewed' ? 'What will change' : 'Each item'}>
        <BulkItemTable target={change.target} items={items.items} />
        <Pagination list={items} params={{ pageSize: String(items.pageSize) }} path={`/bulk/${change.id}`} />
      </Panel>
    </>
  );
}
