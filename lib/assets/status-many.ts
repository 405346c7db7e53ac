import 'server-only';
import { sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import type { Transaction } from '../db/client';
import { queryRows } from '../db/rows';
import type { AssetStatus } from '../db/schema-domain';
import { recordAudits } from '../audit/record';
import { canManageAssets } from './access';
import { auditAsset } from './audit';

// The status change of many assets in two statements (a bulk change's chunk), by the rules of
// updateAsset: only at the version the caller read, never to or from "deployed" (checked-out assets
// are left alone), one 'asset.update' audit row per changed asset, the same row updateAsset writes.
// Assets it leaves unchanged are the caller's to take through updateAsset, which says why.

/** Sets `status` on each asset still at its given version and free to change; returns the ids it changed. */
export async function setStatusOfMany(
  tx: Transaction,
  actor: Actor,
  items: readonly { id: string; version: number }[],
  status: Exclude<AssetStatus, 'deployed'>,
): Promise<string[]> {
  if (items.length === 0 || !canManageAssets(actor)) return [];
  const planned = sql.join(
    items.map((item) => sql`(${item.id}::uuid, ${item.version}::int)`),
    sql`, `,
  );
  // Locking re-reads a row another transaction changed meanwhile: its new version fails the match.
  // Rows are locked in id order, so two changes over the same assets wait for each other, not deadlock.
  const changed = await queryRows<{ id: string; assetTag: string; from: AssetStatus }>(
    tx,
    sql`with planned (id, version) as (values ${planned}),
         target as (
           select a.id, a.status from assets a join planned p on p.id = a.id and p.version = a.version
           where a.assigned_to_id is null and a.status <> ${status} and a.status <> 'deployed'
           order by a.id
           for update of a
         )
         update assets set status = ${status}, version = assets.version + 1, updated_at = now()
         from target where assets.id = target.id
         returning assets.id as "id", assets.asset_tag as "assetTag", target.status as "from"`,
  );
  await recordAudits(
    tx,
    actor,
    changed.map((asset) =>
      auditAsset.event('asset.update', asset, {
        changed: ['status'],
        changes: { status: { from: asset.from, to: status } },
      }),
    ),
  );
  return changed.map((asset) => asset.id);
}
