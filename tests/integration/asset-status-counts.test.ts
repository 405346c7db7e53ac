import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq, inArray, sql } from 'drizzle-orm';
import { compactAssetStatusCounts, countAssetsByStatus } from '../../lib/assets/status-counts';
import { assets, assetStatusCounts } from '../../lib/db/schema-domain';
import { useTestDatabase } from '../support/test-database';

const { db, rows } = await useTestDatabase();

/** What counting every asset says, the slow way the kept counts replace. */
async function countedTheSlowWay(): Promise<Record<string, number>> {
  const counted = await rows<{ status: string; count: string }>(sql`select status, count(*) from assets group by status`);
  return Object.fromEntries(counted.map((row) => [row.status, Number(row.count)]));
}

async function keptCounts(): Promise<Record<string, number>> {
  const kept = await countAssetsByStatus(db);
  return Object.fromEntries(kept.filter((row) => row.count !== 0).map((row) => [row.status, row.count]));
}

const tags = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

test('the kept counts follow inserts, status changes, deletes and truncation', async () => {
  await db.insert(assets).values(tags('A', 5).map((assetTag) => ({ assetTag, name: assetTag })));
  await db.insert(assets).values(tags('R', 3).map((assetTag) => ({ assetTag, name: assetTag, status: 'in_repair' as const })));
  assert.deepEqual(await keptCounts(), { in_stock: 5, in_repair: 3 });

  await db.update(assets).set({ status: 'deployed' }).where(inArray(assets.assetTag, ['A-0', 'A-1', 'R-0']));
  // An edit that leaves the status alone changes no count.
  await db.update(assets).set({ location: 'Room 101' }).where(eq(assets.assetTag, 'A-2'));
  assert.deepEqual(await keptCounts(), { in_stock: 3, in_repair: 2, deployed: 3 });

  await db.delete(assets).where(eq(assets.assetTag, 'R-1'));
  assert.deepEqual(await keptCounts(), { in_stock: 3, in_repair: 1, deployed: 3 });
  assert.deepEqual(await keptCounts(), await countedTheSlowWay());

  // A rolled-back change leaves the counts as they were.
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.update(assets).set({ status: 'retired' }).where(eq(assets.status, 'in_stock'));
      throw new Error('changed my mind');
    }),
  );
  assert.deepEqual(await keptCounts(), { in_stock: 3, in_repair: 1, deployed: 3 });

  await rows(sql`truncate assets cascade`);
  assert.deepEqual(await keptCounts(), {});
});

test('compacting folds the change rows into one per status and keeps every count', async () => {
  await db.insert(assets).values(tags('C', 6).map((assetTag) => ({ assetTag, name: assetTag })));
  for (const assetTag of tags('C', 4)) await db.update(assets).set({ status: 'deployed' }).where(eq(assets.assetTag, assetTag));
  await db.update(assets).set({ status: 'in_stock' }).where(eq(assets.assetTag, 'C-0'));
  const before = await keptCounts();
  assert.deepEqual(before, { in_stock: 3, deployed: 3 });
  assert.ok((await db.select().from(assetStatusCounts)).length > 2);

  // Two processes may compact at once: each change row is folded by exactly one of them.
  await Promise.all([compactAssetStatusCounts(db), compactAssetStatusCounts(db)]);
  assert.deepEqual(await keptCounts(), before);
  assert.deepEqual(await keptCounts(), await countedTheSlowWay());
  assert.equal((await db.select().from(assetStatusCounts)).length, 2);

  // Changes after a compaction add to the folded rows.
  await db.update(assets).set({ status: 'lost' }).where(eq(assets.assetTag, 'C-5'));
  assert.deepEqual(await keptCounts(), { in_stock: 2, deployed: 3, lost: 1 });
});
