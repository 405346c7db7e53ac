import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { setAssetLocation } from '../../assets/place-and-fields';
import { locations } from '../../db/schema-places';
import { AppError } from '../../errors';
import { defineBulkAction } from '../action';

const noSuchPlace = 'That place no longer exists. Choose another.';

export const assetLocationAction = defineBulkAction({
  kind: 'asset.location',
  target: 'asset',
  label: 'Move to a place',
  fields: [{ name: 'locationId', label: 'Place', kind: 'location' }],
  params: z.object({
    locationId: z.union([z.uuid({ error: 'Choose a place.' }), z.literal('').transform(() => null)]),
  }),
  describe: async (executor, { locationId }) => {
    if (!locationId) return 'Take them out of any place';
    const [place] = await executor
      .select({ path: locations.path })
      .from(locations)
      .where(eq(locations.id, locationId))
      .limit(1);
    // A place removed since the form was drawn: said on the field, not planned as changes that must fail.
    if (!place) throw new AppError('validation_failed', noSuchPlace, { fields: { locationId: noSuchPlace } });
    return `Move them to ${place.path}`;
  },
  refusal: (asset, { locationId }) => (asset.locationId === locationId ? 'Already there.' : null),
  apply: async (tx, actor, asset, { locationId }) => {
    await setAssetLocation(tx, actor, { assetId: asset.id, locationId, version: asset.version });
  },
});
