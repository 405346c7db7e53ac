import 'server-only';
import { inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { users } from '../db/schema';
import { assets, licenses, tickets } from '../db/schema-domain';
import { isUuid } from '../validation';
import type { AuditNames } from './describe-audit';
import { mentionedIds } from './describe-details';

type Row = { actorId: string | null; targetType: string | null; targetId: string | null; details: unknown };

/** The distinct ids of one kind; target ids are text in the log, and only uuids can name a row. */
function idsOf(values: Iterable<string | null | undefined>): string[] {
  return [...new Set([...values].filter((value): value is string => typeof value === 'string' && isUuid(value)))];
}

/**
 * The names of every record a page of audit rows mentions (its actors, targets, and the users and
 * assets in its details): one query per kind of record for the whole page, never one per row.
 */
export async function lookUpAuditNames(executor: Executor, rows: readonly Row[]): Promise<AuditNames> {
  const targets = (kind: string) => rows.filter((row) => row.targetType === kind).map((row) => row.targetId);
  const mentioned = rows.map((row) => mentionedIds((row.details as Record<string, unknown> | null) ?? null));
  const userIds = idsOf([...rows.map((row) => row.actorId), ...targets('user'), ...mentioned.flatMap((m) => m.users)]);
  const assetIds = idsOf([...targets('asset'), ...mentioned.flatMap((m) => m.assets)]);
  const ticketIds = idsOf(targets('ticket'));
  const licenseIds = idsOf(targets('license'));

  const [userRows, ticketRows, assetRows, licenseRows] = await Promise.all([
    userIds.length === 0
      ? []
      : executor
          .select({ id: users.id, displayName: users.displayName, username: users.username })
          .from(users)
          .where(inArray(users.id, userIds)),
    ticketIds.length === 0
      ? []
      : executor.select({ id: tickets.id, number: tickets.number }).from(tickets).where(inArray(tickets.id, ticketIds)),
    assetIds.length === 0
      ? []
      : executor.select({ id: assets.id, tag: assets.assetTag }).from(assets).where(inArray(assets.id, assetIds)),
    licenseIds.length === 0
      ? []
      : executor
          .select({ id: licenses.id, name: licenses.name })
          .from(licenses)
          .where(inArray(licenses.id, licenseIds)),
  ]);
  return {
    users: new Map(userRows.map((user) => [user.id, { displayName: user.displayName, username: user.username }])),
    tickets: new Map(ticketRows.map((ticket) => [ticket.id, ticket.number])),
    assets: new Map(assetRows.map((asset) => [asset.id, asset.tag])),
    licenses: new Map(licenseRows.map((license) => [license.id, license.name])),
  };
}
