import 'server-only';
import { isStaff, type Actor } from '../actor';
import type { Executor } from '../db/client';
import { keptResults, sharedFiguresKeptForMs } from '../kept-results';
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

/** The staff dashboard's figures that every agent and admin sees alike: all but their own queue. */
type SharedStaffFigures = Omit<StaffDashboard, 'role' | 'today' | 'myQueue'>;

async function sharedStaffFigures(executor: Executor, today: string): Promise<SharedStaffFigures> {
  const [openTickets, perDay, assetCounts, seatUse, warranties, licenseExpiry, empty] = await Promise.all([
    openTicketBreakdown(executor),
    ticketsPerDay(executor, today),
    assetsByStatus(executor),
    licenseSeatUse(executor),
    expiringWarranties(executor, today),
    expiringLicenses(executor, today),
    isNewInstallation(executor),
  ]);
  return {
    openTickets,
    ticketsPerDay: perDay,
    assetsByStatus: assetCounts,
    licenseSeatUse: seatUse,
    expiringWarranties: warranties,
    expiringLicenses: licenseExpiry,
    newInstallation: empty,
  };
}

// Every agent opening the dashboard within a few seconds sees the same figures: they are worked
// out once and kept, per UTC day, as lib/kept-results.ts keeps them.
const keptStaffFigures = keptResults<SharedStaffFigures>('dashboard', { keptForMs: sharedFiguresKeptForMs, max: 4 });

/**
 * Everything the dashboard shows for this user, and nothing else: a requester's dashboard is
 * built only from their own tickets and assets. The widgets' queries run side by side. With
 * `kept`, the figures every agent sees alike may be up to `sharedFiguresKeptForMs` old (the
 * page; the JSON route and tests ask for them as they are now).
 */
export async function loadDashboard(
  executor: Executor,
  actor: Actor,
  options: { today?: string; kept?: boolean } = {},
): Promise<Dashboard> {
  const today = options.today ?? utcToday();
  if (!isStaff(actor)) {
    const [myOpenTickets, myAssets] = await Promise.all([
      requesterOpenTickets(executor, actor.id),
      assetsAssignedTo(executor, actor.id),
    ]);
    return { role: 'requester', today, myOpenTickets, myAssets };
  }
  const [shared, myQueue] = await Promise.all([
    options.kept
      ? keptStaffFigures.get(today, () => sharedStaffFigures(executor, today))
      : sharedStaffFigures(executor, today),
    agentQueue(executor, actor.id),
  ]);
  return { role: actor.role === 'admin' ? 'admin' : 'agent', today, myQueue, ...shared };
}
