import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { users } from '../db/schema';
import { assets, licenses, tickets } from '../db/schema-domain';
import { parseTicketReference } from '../tickets/rules';

/** A record a search names: its kind as the audit log stores it, and its id. */
export type NamedRecord = { kind: 'ticket' | 'asset' | 'license' | 'user'; id: string };

/**
 * The records that go by `text`: the ticket of a reference ("T-1001"), the asset of a tag
 * ("A-00042"), licenses of that name, the user of that username; any case. Each is one index probe
 * or a read of the small licenses table, so the log is then searched by its target index.
 */
export async function recordsNamed(executor: Executor, text: string): Promise<NamedRecord[]> {
  const lowered = text.toLowerCase();
  const number = parseTicketReference(text);
  const [ticketRows, assetRows, licenseRows, userRows] = await Promise.all([
    number === null ? [] : executor.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number)).limit(1),
    executor
      .select({ id: assets.id })
      .from(assets)
      .where(eq(sql`lower(${assets.assetTag})`, lowered))
      .limit(1),
    executor
      .select({ id: licenses.id })
      .from(licenses)
      .where(eq(sql`lower(${licenses.name})`, lowered))
      .limit(20),
    executor
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.username})`, lowered))
      .limit(1),
  ]);
  return [
    ...ticketRows.map((row) => ({ kind: 'ticket' as const, id: row.id })),
    ...assetRows.map((row) => ({ kind: 'asset' as const, id: row.id })),
    ...licenseRows.map((row) => ({ kind: 'license' as const, id: row.id })),
    ...userRows.map((row) => ({ kind: 'user' as const, id: row.id })),
  ];
}
