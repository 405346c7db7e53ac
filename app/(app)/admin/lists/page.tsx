import type { Metadata } from 'next';
import { Banner } from '@/app/components/banner';
import { DataTable, byId, type Column } from '@/app/components/data-table';
import { Panel } from '@/app/components/panel';
import { adminRoles } from '@/lib/actor';
import { listCatalogEntries, type CatalogEntry } from '@/lib/catalog/admin';
import { catalogLabels } from '@/lib/catalog/kinds';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { catalogKinds, type CatalogKind } from '@/lib/db/schema-catalog';
import type { SearchParams } from '../../_components/list-query';
import { AddValueForm, RemoveValueButton, RenameValueForm } from './list-forms';

export const metadata: Metadata = { title: 'Lists' };

const columnsOf = (kind: CatalogKind): Column<CatalogEntry>[] => [
  { key: 'name', header: 'Name', rowHeader: true, cell: (entry) => entry.name },
  // Hidden on a phone, where the rename form needs the width.
  { key: 'uses', priority: 'secondary', header: catalogLabels[kind].usedBy, cell: (entry) => entry.uses },
  { key: 'rename', header: 'Rename', cell: (entry) => <RenameValueForm entry={entry} /> },
  {
    key: 'remove',
    header: <span className="skip-link">Remove</span>,
    cell: (entry) => <RemoveValueButton entry={entry} />,
  },
];

export default async function ListsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor(adminRoles);
  const entries = await listCatalogEntries(await getDb(), actor);
  const { removed } = await searchParams;
  return (
    <>
      <h1>Lists</h1>
      {typeof removed === 'string' ? <Banner param="removed">Removed “{removed}”.</Banner> : null}
      <p className="muted">
        The values the asset and ticket forms suggest. A value typed in another letter case is saved in the spelling
        listed here; renaming a value renames it on every asset or ticket using it. Requesters choose a ticket category
        from this list; agents may add one by typing it.
      </p>
      {catalogKinds.map((kind) => (
        <Panel key={kind} id={`list-${kind}`} title={catalogLabels[kind].title}>
          <DataTable
            columns={columnsOf(kind)}
            rows={entries.filter((entry) => entry.kind === kind)}
            rowKey={byId}
            caption={catalogLabels[kind].title}
            hideCaption
            empty={`No ${catalogLabels[kind].title.toLowerCase()} yet.`}
          />
          <AddValueForm kind={kind} one={catalogLabels[kind].one} />
        </Panel>
      ))}
    </>
  );
}
