import 'server-only';
import type { Executor } from '../db/client';
import { assets, tickets } from '../db/schema-domain';

/** Whether nothing has been recorded yet: no ticket and no asset, as on a new installation. */
export async function isNewInstallation(executor: Executor): Promise<boolean> {
  const [anyTicket, anyAsset] = await Promise.all([
    executor.select({ id: tickets.id }).from(tickets).limit(1),
    executor.select({ id: assets.id }).from(assets).limit(1),
  ]);
  return anyTicket.length === 0 && anyAsset.length === 0;
}
