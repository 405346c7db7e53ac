import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/app/components/pagination';
import { canManageAssets } from '@/lib/assets/access';
import { listAssetCategories, listAssets, listAssignableUsers } from '@/lib/assets/queries';
import { assetStatusLabels } from '@/lib/assets/labels';
import { assetListSchema, assetSorts } from '@/lib/assets/schemas';
import { requireUser } from '@/lib/auth/dal';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { parseListParamsLeniently, searchParamsToObject } from '@/lib/http/list-params';
import { AssetStatusBadge } from './status-badge';

export const metadata: Metadata = { title: 'Assets' };

const sortLabels: Record<(typeof assetSorts)[number], string> = { updated: 'Last updated', tag: 'Asset tag', name: 'Name', status: 'Status', warranty: 'Warranty end' };

export default async function AssetsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user } = await requireUser();
  const raw = searchParamsToObject(await searchParams);
  const params = parseListParamsLeniently(assetListSchema, raw);
  const db = await getDb();
  const staff = canManageAssets(user);
  const [page, categories, people] = await Promise.all([
    listAssets(db, user, params),
    staff ? listAssetCategories(db, user) : Promise.resolve([]),
    staff ? listAssignableUsers(db) : Promise.resolve([]),
  ]);
  const filters = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'page'));
  const exportQuery = new URLSearchParams(Object.fromEntries(Object.entries(filters).filter(([key]) => key !== 'pageSize'))).toString();
  const filtered = ['status', 'category', 'assignedTo', 'q', 'warrantyDays'].some((key) => key in raw);

  return (
    <>
      <h1>{staff ? 'Assets' : 'My assets'}</h1>
      {staff ? (
        <div className="toolbar">
          <Link href="/assets/new">New asset</Link>
          <Link href="/assets/import">Import CSV</Link>
          <a href={`${getConfig().basePath}/api/assets/export${exportQuery ? `?${exportQuery}` : ''}`} download>
            Export CSV
          </a>
        </div>
      ) : null}
      {staff ? (
        <form className="filters" method="get" role="search" aria-label="Filter assets">
          <div className="field">
            <label htmlFor="filter-q">Search</label>
            <input id="filter-q" name="q" type="search" defaultValue={params.q ?? ''} placeholder="Tag, name, serial, model…" />
          </div>
          <div className="field">
            <label htmlFor="filter-status">Status</label>
            <select id="filter-status" name="status" defaultValue={params.status ?? ''}>
              <option value="">Any</option>
              {Object.entries(assetStatusLabels).map(([status, label]) => (
                <option key={status} value={status}>{label}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-category">Category</label>
            <select id="filter-category" name="category" defaultValue={params.category ?? ''}>
              <option value="">Any</option>
              {categories.map((category) => (
                <option key={category} value={category}>{category}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-assigned">Checked out to</label>
            <select id="filter-assigned" name="assignedTo" defaultValue={params.assignedTo ?? ''}>
              <option value="">Anyone or no one</option>
              <option value="none">No one (available)</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>{person.displayName} ({person.username})</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-warranty">Warranty ends within</label>
            <select id="filter-warranty" name="warrantyDays" defaultValue={params.warrantyDays?.toString() ?? ''}>
              <option value="">Any time</option>
              {[30, 60, 90, 180, 365].map((days) => (
                <option key={days} value={days}>{days} days</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-sort">Sort by</label>
            <select id="filter-sort" name="sort" defaultValue={params.sort}>
              {assetSorts.map((sort) => (
                <option key={sort} value={sort}>{sortLabels[sort]}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-dir">Order</label>
            <select id="filter-dir" name="dir" defaultValue={params.dir}>
              <option value="desc">Descending</option>
              <option value="asc">Ascending</option>
            </select>
          </div>
          <button type="submit">Apply</button>
          {filtered ? <Link href="/assets">Clear filters</Link> : null}
        </form>
      ) : null}
      <section className="panel" aria-labelledby="asset-list-title">
        <h2 id="asset-list-title" className="skip-link">Asset list</h2>
        {page.items.length === 0 ? (
          <p className="empty">
            {staff ? (filtered ? 'No assets match these filters.' : 'No assets yet. Create one or import a CSV file.') : 'No assets are checked out to you.'}
          </p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Asset tag</th>
                  <th scope="col">Name</th>
                  <th scope="col">Category</th>
                  <th scope="col">Status</th>
                  <th scope="col">Checked out to</th>
                  <th scope="col">Serial</th>
                  <th scope="col">Location</th>
                  <th scope="col">Warranty end</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((asset) => (
                  <tr key={asset.id}>
                    <td>
                      <Link href={`/assets/${asset.id}`}>{asset.assetTag}</Link>
                    </td>
                    <td>{asset.name}</td>
                    <td>{asset.category}</td>
                    <td>
                      <AssetStatusBadge status={asset.status} />
                    </td>
                    <td>{asset.assignedTo?.displayName ?? '—'}</td>
                    <td>{asset.serial ?? '—'}</td>
                    <td>{asset.location ?? '—'}</td>
                    <td>{asset.warrantyEnd ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page.page} pageSize={page.pageSize} total={page.total} params={filters} path="/assets" />
      </section>
    </>
  );
}
