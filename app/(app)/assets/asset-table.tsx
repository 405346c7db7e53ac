'use client';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import { selectionColumn } from '@/app/components/row-selection';
import { AssetStatusBadge } from './asset-badges';
import type { AssetRow } from './asset-rows';

// A client component fed plain rows, for the reason the ticket table is one (tickets/ticket-table.tsx).

type Props = {
  rows: AssetRow[];
  linkHolders: boolean;
  /** The id of the bulk change form the rows' checkboxes belong to; none: no checkboxes. */
  selectionForm?: string;
  customColumns?: readonly string[];
};

function holderCell({ holder }: AssetRow, linkHolders: boolean) {
  if (!holder) return '—';
  if (!linkHolders) return holder.displayName;
  return (
    <Link href={`/assets?assignedTo=${holder.id}`} title={`All assets checked out to ${holder.displayName}`}>
      {holder.displayName}
    </Link>
  );
}

function assetColumns(linkHolders: boolean): Column<AssetRow>[] {
  return [
    {
      key: 'tag',
      header: 'Asset tag',
      cell: (asset) => <Link href={`/assets/${asset.id}`}>{asset.assetTag}</Link>,
    },
    { key: 'name', header: 'Name', cell: (asset) => asset.name },
    { key: 'category', priority: 'secondary', header: 'Category', cell: (asset) => asset.category },
    { key: 'status', header: 'Status', cell: (asset) => <AssetStatusBadge status={asset.status} /> },
    { key: 'holder', header: 'Checked out to', cell: (asset) => holderCell(asset, linkHolders) },
    { key: 'serial', priority: 'secondary', header: 'Serial', cell: (asset) => asset.serial ?? '—' },
    { key: 'location', priority: 'secondary', header: 'Location', cell: (asset) => asset.location ?? '—' },
    { key: 'warranty', priority: 'secondary', header: 'Warranty end', cell: (asset) => asset.warrantyEnd ?? '—' },
  ];
}

/** One page of assets; a holder's name lists everything checked out to them, for staff. */
export function AssetTable({ rows, linkHolders, selectionForm, customColumns = [] }: Props) {
  const custom: Column<AssetRow>[] = customColumns.map((name) => ({
    key: `custom-${name}`,
    header: name,
    cell: (asset) => asset.custom[name] || '—',
  }));
  const columns = [...assetColumns(linkHolders), ...custom];
  if (selectionForm) columns.unshift(selectionColumn<AssetRow>(selectionForm, (asset) => asset.assetTag));
  return <DataTable columns={columns} rows={rows} rowKey={byId} />;
}
