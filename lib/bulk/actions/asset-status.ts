import 'server-only';
import { z } from 'zod';
import { assetStatusLabels } from '../../assets/labels';
import { updateAsset } from '../../assets/mutations';
import { setStatusOfMany } from '../../assets/status-many';
import { defineBulkAction } from '../action';

// "deployed" is not offered: an asset becomes deployed by checking it out.
const settable = ['in_stock', 'in_repair', 'retired', 'lost'] as const;

export const assetStatusAction = defineBulkAction({
  kind: 'asset.status',
  target: 'asset',
  label: 'Change status',
  fields: [
    {
      name: 'status',
      label: 'New status',
      kind: 'select',
      options: settable.map((status) => ({ value: status, label: assetStatusLabels[status] })),
    },
  ],
  params: z.object({ status: z.enum(settable, { error: 'Choose a status.' }) }),
  describe: (_executor, { status }) => `Set the status to ${assetStatusLabels[status]}`,
  refusal: (asset, { status }) => {
    if (asset.status === status) return `Already ${assetStatusLabels[status]}.`;
    if (asset.holder) return `Checked out to ${asset.holder.displayName}: check it in to change its status.`;
    return null;
  },
  apply: async (tx, actor, asset, { status }) => {
    await updateAsset(tx, actor, { assetId: asset.id, version: asset.version, status });
  },
  applyMany: (tx, actor, items, { status }) => setStatusOfMany(tx, actor, items, status),
});
