import { Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import type { RequesterDashboard } from '@/lib/dashboard/dashboard';
import type { MyDevice } from '@/lib/self-service/devices';
import { MyDevicesPanel } from './my-devices';
import { TicketList } from './ticket-list';

export function RequesterDashboardView({ dashboard, devices }: { dashboard: RequesterDashboard; devices: MyDevice[] }) {
  const { myOpenTickets } = dashboard;
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
      <MyDevicesPanel devices={devices} />
    </div>
  );
}
