import { assetStatusLabels } from '@/lib/assets/labels';
import type { AssetStatus } from '@/lib/db/enums';

const colours: Record<AssetStatus, string> = {
  in_stock: 'green',
  deployed: 'blue',
  in_repair: 'amber',
  retired: 'grey',
  lost: 'red',
};

export function AssetStatusBadge({ status }: { status: AssetStatus }) {
  return <span className={`badge ${colours[status]}`}>{assetStatusLabels[status]}</span>;
}
