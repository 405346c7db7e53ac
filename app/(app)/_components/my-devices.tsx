import { byId, DataTable, type Column } from '@/app/components/data-table';
import { Link } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import type { MyDevice } from '@/lib/self-service/devices';
import { humanize } from './labels';

const columns: Column<MyDevice>[] = [
  {
    key: 'device',
    header: 'Device',
    rowHeader: true,
    cell: (device) => (
      <>
        <Link href={`/assets/${device.id}`}>{device.assetTag}</Link> {device.name}
      </>
    ),
  },
  { key: 'category', header: 'Category', priority: 'secondary', cell: (device) => device.category },
  { key: 'status', header: 'Status', priority: 'secondary', cell: (device) => humanize(device.status) },
  {
    key: 'licenses',
    header: 'Licenses',
    cell: (device) =>
      device.licenses.length === 0
        ? '—'
        : device.licenses
            .map((license) => (license.vendor ? `${license.name} (${license.vendor})` : license.name))
            .join(', '),
  },
  {
    key: 'report',
    header: <span className="skip-link">Report a problem</span>,
    cell: (device) => (
      <Link
        className="button secondary"
        href={`/tickets/new?asset=${device.id}`}
        aria-label={`Report a problem with ${device.assetTag}`}
      >
        Report a problem
      </Link>
    ),
  },
];

/** The requester's devices (assets checked out to them) with their licenses, each with "Report a problem". */
export function MyDevicesPanel({ devices }: { devices: MyDevice[] }) {
  return (
    <Panel id="my-devices" title={`My devices (${devices.length})`}>
      <DataTable
        columns={columns}
        rows={devices}
        rowKey={byId}
        caption="The devices checked out to you and the licenses on them."
        hideCaption
        empty="No devices are checked out to you."
      />
    </Panel>
  );
}
