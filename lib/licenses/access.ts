import 'server-only';
import { isStaff, type Actor } from '../actor';
import { AppError } from '../errors';

export const licenseNotFound = () => new AppError('not_found', 'No such license.');

/**
 * Licenses are for agents and admins. Anyone else is told "not found", the same answer whether
 * the license exists or not, so a requester learns nothing through any door.
 */
export function assertLicenseAccess(actor: Actor): void {
  if (!isStaff(actor)) throw licenseNotFound();
}
