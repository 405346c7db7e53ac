import 'server-only';
import { desc, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/rows';
import { assets } from '../db/schema-domain';

const defaultPrefix = 'A-';
const defaultWidth = 5;

/**
 * The tag the "new asset" form suggests: the prefix and zero padding of the most recently created
 * tags, with the number after the highest one in use (A-00042 → A-00043). A-00001 on an empty
 * inventory. Only a suggestion: the unique index still decides when two people save at once.
 */
export async function suggestNextAssetTag(executor: Executor): Promise<string> {
  const recent = await executor
    .select({ assetTag: assets.assetTag })
    .from(assets)
    .orderBy(desc(assets.createdAt))
    .limit(20);
  const numbered = recent.map((row) => /^(.*?)(\d+)$/.exec(row.assetTag)).find((match) => match !== null);
  const prefix = numbered ? numbered[1] : defaultPrefix;
  const width = numbered ? numbered[2].length : defaultWidth;

  const [row] = await queryRows<{ highest: string | null }>(
    executor,
    sql`select max(substring(${assets.assetTag} from ${prefix.length + 1}::int)::numeric)::text as highest
        from ${assets}
        where left(lower(${assets.assetTag}), ${prefix.length}::int) = lower(${prefix}::text)
          and substring(${assets.assetTag} from ${prefix.length + 1}::int) ~ '^[0-9]+$'`,
  );
  const next = BigInt(row?.highest ?? '0') + 1n;
  return `${prefix}${next.toString().padStart(width, '0')}`;
}
