import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { checkOutAsset } from '../../assets/assignments';
import { assetStatusLabels, needsCheckOutConfirmation } from '../../assets/labels';
import { users } from '../../db/schema';
import { AppError } from '../../errors';
import { defineBulkAction } from '../action';

export const assetCheckOutAction = defineBulkAction({
  kind: 'asset.checkout',
  target: 'asset',
  label: 'Check out to a person',
  fields: [{ name: 'userId', label: 'Check out to', kind: 'user' }],
  params: z.object({ userId: z.uuid('Choose a person.') }),
  describe: async (executor, { userId }) => {
    const [user] = await executor
      .select({ displayName: users.displayName })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true)))
      .limit(1);
    if (!user)
      throw new AppError('validation_failed', 'Choose an active user.', {
        fields: { userId: 'Choose an active user.' },
      });
    return `Check out to ${user.displayName}`;
  },
  refusal: (asset) => {
    if (asset.holder) return `Already checked out to ${asset.holder.displayName}.`;
    // One at a time these need a confirmation; in bulk they are left alone.
    if (needsCheckOutConfirmation(asset.status))
      return `${assetStatusLabels[asset.status]} assets cannot be checked out.`;
    return null;
  },
  apply: async (tx, actor, asset, { userId }) => {
    await checkOutAsset(tx, actor, { assetId: asset.id, version: asset.version, userId });
  },
});
