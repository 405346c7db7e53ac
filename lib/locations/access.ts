import 'server-only';
import { isStaff, type Actor } from '../actor';
import { AppError } from '../errors';

export const locationNotFound = () => new AppError('not_found', 'No such place.');

/** Agents and admins manage places; requesters get "not found", as for assets. */
export function assertCanManageLocations(actor: Pick<Actor, 'role'>): void {
  if (!isStaff(actor)) throw locationNotFound();
}
