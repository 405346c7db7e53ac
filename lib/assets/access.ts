import 'server-only';
import { eq, type SQL } from 'drizzle-orm';
import { isStaff, type Actor } from '../actor';
import { assets } from '../db/schema-domain';
import { AppError } from '../errors';

// Who may see and change assets. Every asset function takes the Actor and asks here, so the rules
// live in the data layer, not in the UI.

export const assetNotFoundMessage = 'No such asset.';

/** IT staff (agents and admins) manage every asset; requesters change none. */
export function canManageAssets(actor: Pick<Actor, 'role'>): boolean {
  return isStaff(actor);
}

/** Requesters change nothing; they get the same "not found" whether the asset exists or not. */
export function assertCanManageAssets(actor: Pick<Actor, 'role'>): void {
  if (!canManageAssets(actor)) throw new AppError('not_found', assetNotFoundMessage);
}

/** The rows an actor may see: everything for staff, only what is checked out to them for a requester. */
export function visibleAssetsCondition(actor: Actor): SQL | undefined {
  return canManageAssets(actor) ? undefined : eq(assets.assignedToId, actor.id);
}
