import 'server-only';
import { z } from 'zod';
import { checkInAsset } from '../../assets/assignments';
import { assetStatusLabels } from '../../assets/labels';
import { defineBulkAction } from '../action';

const afterCheckIn = ['in_stock', 'in_repair', 'retired', 'lost'] as const;

export const assetCheckInAction = defineBulkAction({
  kind: 'asset.checkin',
  target: 'asset',
  label: 'Check in',
  fields: [
    {
      name: 'status',
      label: 'Status after check-in',
      kind: 'select',
      options: afterCheckIn.map((status) => ({ value: status, label: assetStatusLabels[status] })),
    },
  ],
  params: z.object({ status: z.enum(afterCheckIn, { error: 'Choose a status.' }).default('in_stock') }),
  describe: (_executor, { status }) => `Check in, as ${assetStatusLabels[status]}`,
  refusal: (asset) => (asset.holder ? null : 'Already checked in.'),
  apply: async (tx, actor, asset, { status }) => {
    await checkInAsset(tx, actor, { assetId: asset.id, version: asset.version, status });
  },
});
