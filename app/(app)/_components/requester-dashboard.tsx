import { Link } from '@/app/components/link';
import type { RequesterDashboard } from '@/lib/dashboard/dashboard';
import { humanize } from './labels';
import { TicketList } from './ticket-list';

export function RequesterDashboardView({ dashboard }: { dashboard: RequesterDashboard }) {
  const { myOpenTickets, myAssets } = dashboard;
  return (
    <div className="grid-2">
      <section className="panel" aria-labelledby="my-tickets-title">
        <h2 id="my-tickets-title">Your open tickets ({myOpenTickets.total})</h2>
        <TicketList tickets={myOpenTickets.items} caption="Your tickets that are not resolved yet, newest first." empty="You have no open tickets." />
        <p>
          <Link href="/tickets">All your tickets</Link> · <Link href="/tickets/new">Open a ticket</Link>
        </p>
      </section>
      <section className="panel" aria-labelledby="my-assets-title">
        <h2 id="my-assets-title">Your assets ({myAssets.length})</h2>
        {myAssets.length === 0 ? (
          <p className="empty">No assets are checked out to you.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Tag</th>
                  <th scope="col">Name</th>
                  <th scope="col">Category</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {myAssets.map((asset) => (
                  <tr key={asset.id}>
                    <td>
                      <Link href={`/assets/${asset.id}`}>{asset.assetTag}</Link>
                    </td>
                    <td>{asset.name}</td>
                    <td>{asset.category}</td>
                    <td>{humanize(asset.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
