import 'server-only';
import { asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { assets, assetStatusCounts, assetStatuses, type AssetStatus } from '../db/schema-domain';
import { countByStatus } from '../db/status-counts';
import { expiringSoon } from './expiring';
import type { ExpiryCounts } from './expiry-windows';

export type AssetsByStatus = Record<AssetStatus, number> & { total: number };

/** From the per-status counts the database keeps (lib/db/status-counts.ts), not by counting assets. */
export async function assetsByStatus(executor: Executor): Promise<AssetsByStatus> {
  const rows = await countByStatus(executor, assetStatusCounts);
  const counts = Object.fromEntries(assetStatuses.map((status) => [status, 0])) as Record<AssetStatus, number>;
  let total = 0;
  for (const row of rows) {
    counts[row.status] = row.count;
    total += row.count;
  }
  return { ...counts, total };
}

export type ExpiringWarranty = { id: string; assetTag: string; name: string; warrantyEnd: string };

// A retired or lost asset's warranty is nobody's concern any more.
const inService = notInArray(assets.status, ['retired', 'lost']);

export function expiringWarranties(
  executor: Executor,
  today: string,
  limit = 10,
): Promise<{ counts: ExpiryCounts; soonest: ExpiringWarranty[] }> {
  // Index-only on assets_warranty_status_idx: a count never reads the assets themselves.
  return expiringSoon(
    executor,
    { table: assets, ends: assets.warrantyEnd, today, also: inService },
    (inRange, counts) =>
      executor
        .select({
          id: assets.id,
          assetTag: assets.assetTag,
          name: assets.name,
          warrantyEnd: sql<string>`to_char(${assets.warrantyEnd}, 'YYYY-MM-DD')`,
          counts,
        })
        .from(assets)
        .where(inRange)
        .orderBy(asc(assets.warrantyEnd), asc(assets.assetTag))
        .limit(limit),
  );
}

export type RequesterAsset = { id: string; assetTag: string; name: string; category: string; status: AssetStatus };

/** The assets checked out to one user (assets_assigned_idx). */
export async function assetsAssignedTo(executor: Executor, userId: string, limit = 50): Promise<RequesterAsset[]> {
  return executor
    .select({
      id: assets.id,
      assetTag: assets.assetTag,
      name: assets.name,
      category: assets.category,
      status: assets.status,
    })
    .from(assets)
    .where(eq(assets.assignedToId, userId))
    .orderBy(asc(assets.assetTag))
    .limit(limit);
}
