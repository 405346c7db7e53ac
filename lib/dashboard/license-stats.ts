import 'server-only';
import { asc, desc, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { licenses, licenseSeats } from '../db/schema-domain';
import { expiryCountColumns, withinNinetyDays, type ExpiryCounts } from './expiry-windows';

export type LicenseSeatUse = { id: string; name: string; seats: number; used: number };

/** The licenses closest to full (by share of seats used), with their seat counts. */
export async function licenseSeatUse(executor: Executor, limit = 10): Promise<LicenseSeatUse[]> {
  const used =
    sql<number>`(select count(*) from ${licenseSeats} where ${licenseSeats}.license_id = ${licenses}.id)`.mapWith(
      Number,
    );
  const rows = await executor
    .select({ id: licenses.id, name: licenses.name, seats: licenses.seats, used })
    .from(licenses)
    .orderBy(desc(sql`${used}::float / ${licenses.seats}`), desc(used), asc(sql`lower(${licenses.name})`))
    .limit(limit);
  return rows;
}

export type ExpiringLicense = { id: string; name: string; vendor: string | null; expiresAt: string };

export async function expiringLicenses(
  executor: Executor,
  today: string,
  limit = 10,
): Promise<{ counts: ExpiryCounts; soonest: ExpiringLicense[] }> {
  const inRange = withinNinetyDays(licenses.expiresAt, today);
  const [[counts], soonest] = await Promise.all([
    executor.select(expiryCountColumns(licenses.expiresAt, today)).from(licenses).where(inRange),
    executor
      .select({
        id: licenses.id,
        name: licenses.name,
        vendor: licenses.vendor,
        expiresAt: sql<string>`to_char(${licenses.expiresAt}, 'YYYY-MM-DD')`,
      })
      .from(licenses)
      .where(inRange)
      .orderBy(asc(licenses.expiresAt), asc(sql`lower(${licenses.name})`))
      .limit(limit),
  ]);
  return { counts, soonest };
}
