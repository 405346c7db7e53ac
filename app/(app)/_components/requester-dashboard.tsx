import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import type { RequesterAsset } from '@/lib/dashboard/asset-stats';
import type { RequesterDashboard } from '@/lib/dashboard/dashboard';
import { humanize } from './labels';
import { TicketList } from './ticket-list';

const assetColumns: Column<RequesterAsset>[] = [
  { key: 'tag', header: 'Tag', cell: (asset) => <Link href={`/assets/${asset.id}`}>{asset.assetTag}</Link> },
  { key: 'name', header: 'Name', cell: (asset) => asset.name },
  { key: 'category', header: 'Category', cell: (asset) => asset.category },
  { key: 'status', header: 'Status', cell: (asset) => humanize(asset.status) },
];

export function RequesterDashboardView({ dashboard }: { dashboard: RequesterDashboard }) {
  const { myOpenTickets, myAssets } = dashboard;
  return (
    <div className="grid-2">
      <Panel id="my-tickets" title={`Your open tickets (${myOpenTickets.total})`}>
        <TicketList
          tickets={myOpenTickets.items}
          caption="Your tickets that are not resolved yet, newest first."
          empty="You have no open tickets."
        />
        <p>
          <Link href="/tickets">All your tickets</Link> · <Link href="/tickets/new">Open a ticket</Link>
        </p>
      </Panel>
      <Panel id="my-assets" title={`Your assets (${myAssets.length})`}>
        <DataTable columns={assetColumns} rows={myAssets} rowKey={byId} empty="No assets are checked out to you." />
      </Panel>
    </div>
  );
}
