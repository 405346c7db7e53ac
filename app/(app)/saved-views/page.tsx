import type { Metadata } from 'next';
import { DataTable, byId, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { listSavedViewsWithCounts, type SavedViewWithCount } from '@/lib/saved-views/views';
import { RemoveViewButton, RenameViewForm } from './view-forms';

export const metadata: Metadata = { title: 'Saved views' };

const columns: Column<SavedViewWithCount>[] = [
  { key: 'name', header: 'View', rowHeader: true, cell: (view) => <Link href={view.href}>{view.name}</Link> },
  {
    key: 'list',
    header: 'List',
    priority: 'secondary',
    cell: (view) => (view.list === 'tickets' ? 'Tickets' : 'Assets'),
  },
  { key: 'count', header: 'Rows', cell: (view) => view.count },
  {
    key: 'scope',
    header: 'Seen by',
    priority: 'secondary',
    cell: (view) => (view.shared ? 'All agents and admins' : 'Only you'),
  },
  { key: 'rename', header: 'Rename', cell: (view) => (view.own ? <RenameViewForm view={view} /> : null) },
  {
    key: 'remove',
    header: <span className="skip-link">Remove</span>,
    cell: (view) => (view.removable ? <RemoveViewButton view={view} /> : null),
  },
];

/** The views the viewer sees: rename their own, remove their own (admins: any shared one too). */
export default async function SavedViewsPage() {
  const actor = await pageActor();
  const views = await listSavedViewsWithCounts(await getDb(), actor, { every: true });
  return (
    <>
      <h1>Saved views</h1>
      <p className="muted">
        Save a view with “Save this view” under the filters of the tickets or assets list. Each shows in the menu with
        how many rows it has.
      </p>
      <Panel id="views" title="Views">
        <DataTable
          columns={columns}
          rows={views}
          rowKey={byId}
          caption="Saved views"
          hideCaption
          empty="No saved views yet."
        />
      </Panel>
    </>
  );
}
