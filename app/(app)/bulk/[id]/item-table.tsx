import { DataTable, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import type { BulkTarget } from '@/lib/bulk/action';
import type { BulkItemView } from '@/lib/bulk/queries';

const outcomeWords: Record<NonNullable<BulkItemView['outcome']>, string> = {
  changed: 'Changed',
  skipped: 'Skipped',
  stale: 'Not changed: changed by someone else',
  failed: 'Failed',
};

function verdict(item: BulkItemView): string {
  if (item.outcome) return outcomeWords[item.outcome];
  return item.plan === 'change' ? 'Will change' : 'Cannot change';
}

function columns(target: BulkTarget): Column<BulkItemView>[] {
  const path = target === 'asset' ? '/assets' : '/tickets';
  return [
    {
      key: 'item',
      header: target === 'asset' ? 'Asset' : 'Ticket',
      rowHeader: true,
      cell: (item) => <Link href={`${path}/${item.itemId}`}>{item.label}</Link>,
    },
    { key: 'verdict', header: 'Result', cell: verdict },
    { key: 'reason', header: 'Why', cell: (item) => item.outcomeReason ?? item.reason ?? '—' },
  ];
}

/** The items, those that did not (or will not) change first. */
export function BulkItemTable({ target, items }: { target: BulkTarget; items: BulkItemView[] }) {
  return (
    <DataTable
      columns={columns(target)}
      rows={items}
      rowKey={(item) => item.position}
      caption="Each item and what happens to it"
      hideCaption
    />
  );
}
