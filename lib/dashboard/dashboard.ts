import 'server-only';
import { isStaff, type Actor } from '../actor';
import type { Executor } from '../db/client';
import {
  assetsAssignedTo,
  assetsByStatus,
  expiringWarranties,
  type AssetsByStatus,
  type ExpiringWarranty,
  type RequesterAsset,
} from './asset-stats';
import { utcToday, type ExpiryCounts } from './expiry-windows';
import { isNewInstallation } from './first-steps';
import { expiringLicenses, licenseSeatUse, type ExpiringLicense, type LicenseSeatUse } from './license-stats';
import {
  agentQueue,
  openTicketBreakdown,
  requesterOpenTickets,
  ticketsPerDay,
  type DashboardTicket,
  type OpenTicketBreakdown,
  type TicketDay,
} from './ticket-stats';

export type StaffDashboard = {
  role: 'agent' | 'admin';
  today: string;
  openTickets: OpenTicketBreakdown;
  myQueue: DashboardTicket[];
  ticketsPerDay: TicketDay[];
  assetsByStatus: AssetsByStatus;
  licenseSeatUse: LicenseSeatUse[];
  expiringWarranties: { counts: ExpiryCounts; soonest: ExpiringWarranty[] };
  expiringLicenses: { counts: ExpiryCounts; soonest: ExpiringLicense[] };
  /** No ticket and no asset yet: the dashboard shows the first steps instead of empty charts' silence. */
  newInstallation: boolean;
};

export type RequesterDashboard = {
  role: 'requester';
  today: string;
  myOpenTickets: { total: number; items: DashboardTicket[] };
  myAssets: RequesterAsset[];
};

export type Dashboard = StaffDashboard | RequesterDashboard;

/**
 * Everything the dashboard shows for this user, and nothing else: a requester's dashboard is
 * built only from their own tickets and assets. The widgets' queries run side by side.
 */
export async function loadDashboard(
  executor: Executor,
  actor: Actor,
  options: { today?: string } = {},
): Promise<Dashboard> {
  const today = options.today ?? utcToday();
  if (!isStaff(actor)) {
    const [myOpenTickets, myAssets] = await Promise.all([
      requesterOpenTickets(executor, actor.id),
      assetsAssignedTo(executor, actor.id),
    ]);
    return { role: 'requester', today, myOpenTickets, myAssets };
  }
  const [openTickets, myQueue, perDay, assetCounts, seatUse, warranties, licenseExpiry, empty] = await Promise.all([
    openTicketBreakdown(executor),
    agentQueue(executor, actor.id),
    ticketsPerDay(executor, today),
    assetsByStatus(executor),
    licenseSeatUse(executor),
    expiringWarranties(executor, today),
    expiringLicenses(executor, today),
    isNewInstallation(executor),
  ]);
  return {
    role: actor.role === 'admin' ? 'admin' : 'agent',
    today,
    openTickets,
    myQueue,
    ticketsPerDay: perDay,
    assetsByStatus: assetCounts,
    licenseSeatUse: seatUse,
    expiringWarranties: warranties,
    expiringLicenses: licenseExpiry,
    newInstallation: empty,
  };
}
