import 'server-only';
import { asc, desc, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { licenses } from '../db/schema-domain';
import { usedSeats } from '../licenses/queries';
import { expiringSoon } from './expiring';
import type { ExpiryCounts } from './expiry-windows';

export type LicenseSeatUse = { id: string; name: string; seats: number; used: number };

/** The licenses closest to full (by share of seats used), with their seat counts. */
export async function licenseSeatUse(executor: Executor, limit = 10): Promise<LicenseSeatUse[]> {
  const rows = await executor
    .select({ id: licenses.id, name: licenses.name, seats: licenses.seats, used: usedSeats })
    .from(licenses)
    .orderBy(desc(sql`${usedSeats}::float / ${licenses.seats}`), desc(usedSeats), asc(sql`lower(${licenses.name})`))
    .limit(limit);
  return rows;
}

export type ExpiringLicense = { id: string; name: string; vendor: string | null; expiresAt: string };

export function expiringLicenses(
  executor: Executor,
  today: string,
  limit = 10,
): Promise<{ counts: ExpiryCounts; soonest: ExpiringLicense[] }> {
  return expiringSoon(executor, { table: licenses, ends: licenses.expiresAt, today }, (inRange, counts) =>
    executor
      .select({
        id: licenses.id,
        name: licenses.name,
        vendor: licenses.vendor,
        expiresAt: sql<string>`to_char(${licenses.expiresAt}, 'YYYY-MM-DD')`,
        counts,
      })
      .from(licenses)
      .where(inRange)
      .orderBy(asc(licenses.expiresAt), asc(sql`lower(${licenses.name})`))
      .limit(limit),
  );
}
