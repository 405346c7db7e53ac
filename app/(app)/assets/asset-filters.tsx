'use client';

import { FilterActions, FilterInput, FilterSelect } from '@/app/components/filter-fields';
import { ListSortFields } from '@/app/components/list-sort-fields';
import { assetStatusLabels } from '@/lib/assets/labels';
import type { AssetListParams, AssetSort } from '@/lib/assets/schemas';

type Props = {
  params: AssetListParams;
  categories: string[];
  /** The display name of the person in `params.assignedTo`, when it is one person's id. */
  holderName: string | null;
  filtered: boolean;
  /** Every place by path, to filter by one and everything inside it. */
  places?: { id: string; path: string }[];
  /** The custom fields' names, one of which the list can show as a column. */
  fieldNames?: string[];
  /** The custom field shown as a column. */
  column?: string;
};

const sortLabels: Record<AssetSort, string> = {
  updated: 'Last updated',
  tag: 'Asset tag',
  name: 'Name',
  status: 'Status',
  warranty: 'Warranty end',
};

const holderChoices = [
  { value: 'any', label: 'Someone (checked out)' },
  { value: 'none', label: 'No one (available)' },
];

const isPerson = (assignedTo: AssetListParams['assignedTo']): assignedTo is string =>
  assignedTo !== undefined && assignedTo !== 'none' && assignedTo !== 'any';

/**
 * A plain GET form, so every filtered list is a shareable URL and works without JavaScript.
 * One person's assets are reached from the "Checked out to" column rather than a select of every
 * user: with hundreds of users that select dominated the page's size and rendering time.
 */
export function AssetFilterForm({
  params,
  categories,
  holderName,
  filtered,
  places = [],
  fieldNames = [],
  column,
}: Props) {
  const holder = params.assignedTo;
  return (
    <form className="filters" method="get" role="search" aria-label="Filter assets">
      <FilterInput name="q" label="Search" type="search" value={params.q} placeholder="Tag, name, serial, model…" />
      <FilterSelect name="status" label="Status" anyLabel="Any" value={params.status} options={assetStatusLabels} />
      <FilterSelect
        name="category"
        label="Category"
        anyLabel="Any"
        value={params.category}
        options={categories.map((category) => ({ value: category, label: category }))}
      />
      <FilterSelect
        name="location"
        label="Location (and inside)"
        anyLabel="Anywhere"
        value={params.location}
        options={places.map((place) => ({ value: place.id, label: place.path }))}
      />
      {fieldNames.length > 0 ? (
        <FilterSelect
          name="columns"
          label="Show field"
          anyLabel="No extra column"
          value={column}
          options={fieldNames.map((name) => ({ value: name, label: name }))}
        />
      ) : null}
      <FilterSelect
        name="assignedTo"
        id="filter-assigned"
        label="Checked out to"
        anyLabel="Anyone or no one"
        value={holder}
        options={[
          ...holderChoices,
          ...(isPerson(holder) ? [{ value: holder, label: holderName ?? 'The chosen person' }] : []),
        ]}
      />
      <FilterSelect
        name="warrantyDays"
        id="filter-warranty"
        label="Warranty ends within"
        anyLabel="Any time"
        value={params.warrantyDays}
        options={[30, 60, 90, 180, 365].map((days) => ({ value: days, label: `${days} days` }))}
      />
      <ListSortFields labels={sortLabels} sort={params.sort} dir={params.dir} />
      <FilterActions clearHref="/assets" filtered={filtered} />
    </form>
  );
}
