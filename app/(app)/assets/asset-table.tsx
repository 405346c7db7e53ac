'use client';
import { Link } from '@/app/components/link';
import type { AssetRow } from './asset-rows';
import { AssetStatusBadge } from './status-badge';

// A client component fed plain rows, for the reason the ticket table is one (tickets/ticket-table.tsx).

type Props = { rows: AssetRow[]; linkHolders: boolean };

/** One page of assets; a holder's name lists everything checked out to them, for staff. */
export function AssetTable({ rows, linkHolders }: Props) {
  return (
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
          {rows.map((asset) => (
            <tr key={asset.id}>
              <td>
                <Link href={`/assets/${asset.id}`}>{asset.assetTag}</Link>
              </td>
              <td>{asset.name}</td>
              <td>{asset.category}</td>
              <td>
                <AssetStatusBadge status={asset.status} />
              </td>
              <td>
                {asset.holder ? (
                  linkHolders ? (
                    <Link href={`/assets?assignedTo=${asset.holder.id}`} title={`All assets checked out to ${asset.holder.displayName}`}>
                      {asset.holder.displayName}
                    </Link>
                  ) : (
                    asset.holder.displayName
                  )
                ) : (
                  '—'
                )}
              </td>
              <td>{asset.serial ?? '—'}</td>
              <td>{asset.location ?? '—'}</td>
              <td>{asset.warrantyEnd ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
