import type { Metadata } from 'next';
import { FilterBar } from '@/app/components/filter-bar';
import { Link } from '@/app/components/link';
import { PageHeader } from '@/app/components/page-header';
import { Pagination } from '@/app/components/pagination';
import { Panel } from '@/app/components/panel';
import { isStaff } from '@/lib/actor';
import { allStatuses } from '@/lib/tickets/rules';
import { pageActor } from '@/lib/boundary/page';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { bulkActionsFor } from '@/lib/bulk/actions';
import { listTicketCategories } from '@/lib/tickets/categories';
import { listTickets } from '@/lib/tickets/list';
import { pageTotalOptions } from '@/lib/list-params';
import { listAssignableUsers } from '@/lib/tickets/queries';
import type { TicketView } from '@/lib/tickets/schemas';
import { readTicketQueue, sortLinks } from './queue-query';
import { TicketFilterForm } from './ticket-filters';
import { toTicketRow } from './ticket-rows';
import { TicketTable } from './ticket-table';
import { SaveViewForm } from '../saved-views/view-forms';
import styles from './tickets.module.css';
import { BulkSelectionBar } from '../_components/bulk-selection-bar';
import type { SearchParams } from '../_components/list-query';
import { keptChoices } from '../_components/kept-choices';

export const metadata: Metadata = { title: 'Tickets' };

type Props = { searchParams: SearchParams };

const sortableColumns = ['number', 'status', 'priority', 'due', 'updated'] as const;

export default async function TicketsPage({ searchParams }: Props) {
  const actor = await pageActor();
  const db = await getDb();
  const staff = isStaff(actor);
  const { query, raw, exportParams, everyStatus } = readTicketQueue(await searchParams, staff);
  const [page, assignees, categories] = await Promise.all([
    listTickets(db, actor, query, pageTotalOptions),
    staff ? keptChoices('ticket-assignees', () => listAssignableUsers(db)) : Promise.resolve(null),
    keptChoices('ticket-categories', () => listTicketCategories(db)),
  ]);

  const views: { view: TicketView; label: string }[] = staff
    ? [
        { view: 'mine', label: 'My tickets' },
        { view: 'unassigned', label: 'Unassigned' },
        { view: 'all', label: 'All tickets' },
      ]
    : [{ view: 'all', label: 'My tickets' }];
  const keep = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'page'));
  const exportQuery = new URLSearchParams(exportParams).toString();
  const filtered = Object.keys(keep).some((key) => key !== 'view' && key !== 'sort' && key !== 'dir');
  // Staff see open work unless they choose otherwise; one link switches between that and every
  // status, keeping the other filters.
  const { status: _shown, ...otherFilters } = keep;
  const statusScope = staff
    ? everyStatus
      ? { params: otherFilters, label: 'Show open work only' }
      : { params: { ...otherFilters, status: allStatuses }, label: 'Show all statuses' }
    : null;

  return (
    <>
      <PageHeader
        title="Tickets"
        primary={{ label: 'New ticket', href: '/tickets/new' }}
        more={[
          {
            label: 'Export CSV',
            href: `${getConfig().basePath}/api/tickets/export${exportQuery ? `?${exportQuery}` : ''}`,
            download: true,
          },
        ]}
      />
      {views.length > 1 ? (
        <nav aria-label="Ticket views" className={styles.tabs}>
          {views.map(({ view, label }) => (
            <Link
              key={view}
              href={`/tickets?view=${view}`}
              aria-current={query.view === view ? 'page' : undefined}
              className={styles.tab}
            >
              {label}
            </Link>
          ))}
        </nav>
      ) : null}
      <Panel id="ticket-list" title={views.find((item) => item.view === query.view)?.label ?? 'Tickets'}>
        {/* Keyed by the query: a tab or link to this page with other filters must show them, not keep the old form. */}
        <FilterBar id="ticket-filters">
          <TicketFilterForm
            key={JSON.stringify(query)}
            filters={query}
            assignees={assignees}
            categories={categories}
            requesterName={page.items[0]?.requester.displayName ?? null}
            anyStatus={staff ? everyStatus : null}
          />
        </FilterBar>
        {statusScope ? (
          <p>
            <Link href={`/tickets?${new URLSearchParams(statusScope.params)}`}>{statusScope.label}</Link>
          </p>
        ) : null}
        <SaveViewForm list="tickets" query={new URLSearchParams(keep).toString()} canShare={staff} />
        {/* Past the last page the list is not empty: the pagination line says where it ends. */}
        {staff && page.items.length > 0 ? (
          <BulkSelectionBar
            formId="bulk-tickets"
            target="ticket"
            noun="tickets"
            actions={bulkActionsFor('ticket').map(({ kind, label }) => ({ kind, label }))}
            total={page.total}
            approximate={page.approximate}
            filters={new URLSearchParams(keep).toString()}
            basePath={getConfig().basePath}
          />
        ) : null}
        {page.items.length > 0 || page.total === 0 ? (
          <TicketTable
            selectionForm={staff ? 'bulk-tickets' : undefined}
            rows={page.items.map(toTicketRow)}
            linkRequesters={staff}
            sortLinks={sortLinks(raw, query, sortableColumns)}
            emptyMessage={
              filtered
                ? 'No tickets match these filters.'
                : staff
                  ? 'No tickets here yet.'
                  : 'You have not opened any tickets yet.'
            }
          />
        ) : null}
        <Pagination list={page} params={keep} path="/tickets" />
      </Panel>
    </>
  );
}
