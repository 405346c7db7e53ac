import type { Metadata } from 'next';
import { FilterBar } from '@/app/components/filter-bar';
import { PageHeader } from '@/app/components/page-header';
import { Pagination } from '@/app/components/pagination';
import { canManageAssets } from '@/lib/assets/access';
import { listAssetCategories, listAssets } from '@/lib/assets/queries';
import { pageTotalOptions } from '@/lib/list-params';
import { assetListSchema } from '@/lib/assets/schemas';
import { pageActor } from '@/lib/boundary/page';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { bulkActionsFor } from '@/lib/bulk/actions';
import { listAllCustomFields } from '@/lib/custom-fields/definitions';
import { listLocationChoices } from '@/lib/locations/queries';
import { AssetFilterForm } from './asset-filters';
import { toAssetRow } from './asset-rows';
import { AssetTable } from './asset-table';
import { BulkSelectionBar } from '../_components/bulk-selection-bar';
import { SaveViewForm } from '../saved-views/view-forms';
import { readListQuery, type SearchParams } from '../_components/list-query';
import { keptChoices } from '../_components/kept-choices';

export const metadata: Metadata = { title: 'Assets' };

export default async function AssetsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor();
  const { raw, params } = await readListQuery(searchParams, assetListSchema);
  const db = await getDb();
  const staff = canManageAssets(actor);
  // Choices kept once for every staff member: staff see every asset, so every category.
  const [page, categories, places, fields] = await Promise.all([
    listAssets(db, actor, params, pageTotalOptions),
    staff ? keptChoices('asset-categories', () => listAssetCategories(db, actor)) : Promise.resolve([]),
    staff ? keptChoices('asset-places', () => listLocationChoices(db)) : Promise.resolve([]),
    staff ? keptChoices('asset-custom-fields', () => listAllCustomFields(db)) : Promise.resolve([]),
  ]);
  const fieldNames = [...new Set(fields.map((field) => field.name))];
  const column = typeof raw.columns === 'string' && fieldNames.includes(raw.columns) ? raw.columns : undefined;
  const filters = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'page'));
  const exportQuery = new URLSearchParams(
    Object.fromEntries(Object.entries(filters).filter(([key]) => key !== 'pageSize' && key !== 'columns')),
  ).toString();
  const filtered = ['status', 'category', 'assignedTo', 'q', 'warrantyDays', 'location'].some((key) => key in raw);

  return (
    <>
      {staff ? (
        <PageHeader
          title="Assets"
          primary={{ label: 'New asset', href: '/assets/new' }}
          more={[
            { label: 'Import CSV', href: '/assets/import' },
            { label: 'Print labels', href: `/assets/labels${exportQuery ? `?${exportQuery}` : ''}` },
            {
              label: 'Export CSV',
              href: `${getConfig().basePath}/api/assets/export${exportQuery ? `?${exportQuery}` : ''}`,
              download: true,
            },
          ]}
        />
      ) : (
        <PageHeader title="My assets" />
      )}
      {/* Keyed by the query: a link to this same page with other filters must show them, not keep the old form. */}
      {staff ? (
        <FilterBar id="asset-filters">
          <AssetFilterForm
            key={JSON.stringify(params)}
            params={params}
            categories={categories}
            holderName={page.items[0]?.assignedTo?.displayName ?? null}
            filtered={filtered}
            places={places}
            fieldNames={fieldNames}
            column={column}
          />
        </FilterBar>
      ) : null}
      {staff ? <SaveViewForm list="assets" query={new URLSearchParams(filters).toString()} canShare /> : null}
      <section className="panel" aria-labelledby="asset-list-title">
        <h2 id="asset-list-title" className="skip-link">
          Asset list
        </h2>
        {/* Past the last page the list is not empty: the pagination line says where it ends. */}
        {page.total === 0 ? (
          <p className="empty">
            {staff
              ? filtered
                ? 'No assets match these filters.'
                : 'No assets yet. Create one or import a CSV file.'
              : 'No assets are checked out to you.'}
          </p>
        ) : page.items.length > 0 ? (
          <>
            {staff ? (
              <BulkSelectionBar
                formId="bulk-assets"
                target="asset"
                noun="assets"
                printLabelsPath="/assets/labels"
                actions={bulkActionsFor('asset').map(({ kind, label }) => ({ kind, label }))}
                total={page.total}
                approximate={page.approximate}
                filters={exportQuery}
                basePath={getConfig().basePath}
              />
            ) : null}
            <AssetTable
              rows={page.items.map((asset) => toAssetRow(asset, column ? [column] : []))}
              linkHolders={staff}
              selectionForm={staff ? 'bulk-assets' : undefined}
              customColumns={column ? [column] : []}
            />
          </>
        ) : null}
        <Pagination list={page} params={filters} path="/assets" />
      </section>
    </>
  );
}
