import 'server-only';
import { getRequestInfo, type CurrentSession } from '../auth/dal';
import type { TicketContext } from './asset-links';

/** Who is acting and from where, for the data layer's permission checks and audit rows. */
export async function ticketContextOf(current: CurrentSession): Promise<TicketContext> {
  const { ipAddress } = await getRequestInfo();
  return { actor: current.user, ipAddress };
}
