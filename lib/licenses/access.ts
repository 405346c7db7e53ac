import 'server-only';
import type { SessionUser } from '../auth/session-store';
import { AppError } from '../errors';

export type LicenseActor = Pick<SessionUser, 'id' | 'username' | 'role'>;

/**
 * Licenses are for agents and admins. Anyone else is told "not found", the same answer whether
 * the license exists or not, so a requester learns nothing through any door.
 */
export function assertLicenseAccess(actor: LicenseActor): void {
  if (actor.role !== 'agent' && actor.role !== 'admin') throw new AppError('not_found', 'No such license.');
}

export const licenseNotFound = () => new AppError('not_found', 'No such license.');
