import { Link } from '@/app/components/link';
import { ListSortFields } from '@/app/components/list-sort-fields';
import { assetStatusLabels } from '@/lib/assets/labels';
import type { AssetListParams, AssetSort } from '@/lib/assets/schemas';

type Props = {
  params: AssetListParams;
  categories: string[];
  /** The display name of the person in `params.assignedTo`, when it is one person's id. */
  holderName: string | null;
  filtered: boolean;
};

const sortLabels: Record<AssetSort, string> = {
  updated: 'Last updated',
  tag: 'Asset tag',
  name: 'Name',
  status: 'Status',
  warranty: 'Warranty end',
};

const isPerson = (assignedTo: AssetListParams['assignedTo']) =>
  assignedTo !== undefined && assignedTo !== 'none' && assignedTo !== 'any';

/**
 * A plain GET form, so every filtered list is a shareable URL and works without JavaScript.
 * One person's assets are reached from the "Checked out to" column rather than a select of every
 * user: with hundreds of users that select dominated the page's size and rendering time.
 */
export function AssetFilterForm({ params, categories, holderName, filtered }: Props) {
  const holder = params.assignedTo;
  return (
    <form className="filters" method="get" role="search" aria-label="Filter assets">
      <div className="field">
        <label htmlFor="filter-q">Search</label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={params.q ?? ''}
          placeholder="Tag, name, serial, model…"
        />
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" name="status" defaultValue={params.status ?? ''}>
          <option value="">Any</option>
          {Object.entries(assetStatusLabels).map(([status, label]) => (
            <option key={status} value={status}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-category">Category</label>
        <select id="filter-category" name="category" defaultValue={params.category ?? ''}>
          <option value="">Any</option>
          {categories.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-assigned">Checked out to</label>
        <select id="filter-assigned" name="assignedTo" defaultValue={holder ?? ''}>
          <option value="">Anyone or no one</option>
          <option value="any">Someone (checked out)</option>
          <option value="none">No one (available)</option>
          {isPerson(holder) ? <option value={holder}>{holderName ?? 'The chosen person'}</option> : null}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-warranty">Warranty ends within</label>
        <select id="filter-warranty" name="warrantyDays" defaultValue={params.warrantyDays?.toString() ?? ''}>
          <option value="">Any time</option>
          {[30, 60, 90, 180, 365].map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
        </select>
      </div>
      <ListSortFields labels={sortLabels} sort={params.sort} dir={params.dir} />
      <button type="submit">Apply</button>
      {filtered ? <Link href="/assets">Clear filters</Link> : null}
    </form>
  );
}
