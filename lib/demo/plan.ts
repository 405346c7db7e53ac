import 'server-only';
import { count, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/rows';
import { users } from '../db/schema';
import { assets, licenses, tickets } from '../db/schema-domain';
import { AppError } from '../errors';
import { formatCount } from '../format-count';

// What a demo seed will do to this database, decided before it writes anything: one sentence for
// the command line, or an AppError saying why it cannot.

/** Demo asset tags have their own prefix, so they never take the A-00001… tags the "new asset" form offers. */
export const demoTagPrefix = 'DEMO-';

export const demoUsernames = [
  ...['agent-ana', 'agent-ben', 'agent-chloe'].map((name) => `demo-${name}`),
  ...Array.from({ length: 24 }, (_, index) => `demo-user-${String(index + 1).padStart(2, '0')}`),
];

type Existing = { tickets: number; assets: number; licenses: number };

async function existingData(executor: Executor): Promise<Existing> {
  const totals = await Promise.all(
    [tickets, assets, licenses].map(async (table) => {
      const [row] = await executor.select({ total: count() }).from(table);
      return Number(row.total);
    }),
  );
  return { tickets: totals[0], assets: totals[1], licenses: totals[2] };
}

const plural = (total: number, noun: string) => `${formatCount(total)} ${noun}${total === 1 ? '' : 's'}`;

/** The number after the highest demo tag already here, so a second forced seed continues the series. */
export async function firstDemoTagNumber(executor: Executor): Promise<number> {
  const [row] = await queryRows<{ highest: string | null }>(
    executor,
    sql`select max(substring(${assets.assetTag} from ${demoTagPrefix.length + 1}::int)::numeric)::text as highest
        from ${assets}
        where left(${assets.assetTag}, ${demoTagPrefix.length}::int) = ${demoTagPrefix}
          and substring(${assets.assetTag} from ${demoTagPrefix.length + 1}::int) ~ '^[0-9]+$'`,
  );
  return Number(row?.highest ?? '0') + 1;
}

/**
 * Null on an empty database; with data, the sentence saying what --force adds beside it. Throws
 * when the seed cannot run: data without --force, or demo users already here with --with-users.
 */
export async function demoSeedPlan(
  executor: Executor,
  options: { force: boolean; withUsers: boolean },
): Promise<string | null> {
  if (options.withUsers) {
    const taken = await executor
      .select({ username: users.username })
      .from(users)
      .where(inArray(users.username, demoUsernames))
      .orderBy(users.username)
      .limit(1);
    if (taken.length > 0)
      throw new AppError(
        'conflict',
        `The demo users are already here (${taken[0].username} and others); run without --with-users to add demo data for the users this database has.`,
      );
  }
  const existing = await existingData(executor);
  if (existing.tickets + existing.assets + existing.licenses === 0) return null;
  const held = `${plural(existing.tickets, 'ticket')}, ${plural(existing.assets, 'asset')} and ${plural(existing.licenses, 'license')}`;
  if (!options.force)
    throw new AppError(
      'conflict',
      `This database already holds ${held}; the demo data is meant for an empty one. Pass --force to add it anyway.`,
    );
  return `This database already holds ${held}; --force adds the demo data beside them, changing nothing that is there, with asset tags from ${demoTagPrefix}${String(await firstDemoTagNumber(executor)).padStart(5, '0')} on.`;
}
