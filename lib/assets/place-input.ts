import 'server-only';
import type { Executor } from '../db/client';
import { AppError } from '../errors';
import { findPlaceByPath, placeForAsset } from '../locations/queries';
import { holdTreeStill } from '../locations/tree-turn';

type Place = { id: string; path: string };

const fieldError = (message: string) => new AppError('validation_failed', message, { fields: { location: message } });

/**
 * The place an asset's create or edit names: by `locationId`, or by `location`, its path (how API
 * clients from before places, and Snipe-IT habits, name it). Undefined when neither is given, null
 * to clear. Only existing places: unlike a CSV import, one API call should not grow the tree by a typo.
 */
export async function placeFromInput(
  executor: Executor,
  input: { locationId?: string | null; location?: string | null },
): Promise<Place | null | undefined> {
  if ((input.locationId ?? input.location ?? null) !== null) await holdTreeStill(executor);
  const byId =
    input.locationId === undefined || input.locationId === null
      ? input.locationId
      : await placeForAsset(executor, input.locationId);
  if (input.location === undefined) return byId;
  const byPath = input.location === null ? null : await findPlaceByPath(executor, input.location);
  if (input.location !== null && !byPath) throw fieldError('No place has this path; create it under Locations first.');
  if (byId !== undefined && (byId?.id ?? null) !== (byPath?.id ?? null))
    throw fieldError('location and locationId name different places; send one of them.');
  return byPath;
}
