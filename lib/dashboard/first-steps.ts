import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { queryRows } from '../db/rows';
import { assets, tickets } from '../db/schema-domain';

/** Whether nothing has been recorded yet: no ticket and no asset, as on a new installation. */
export async function isNewInstallation(executor: Executor): Promise<boolean> {
  const [row] = await queryRows<{ empty: boolean }>(
    executor,
    sql`select not exists (select from ${tickets}) and not exists (select from ${assets}) as empty`,
  );
  return row.empty;
}
