import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { codeToLookup } from '../assets/scan-codes';
import type { Actor } from '../actor';
import { auditAsset } from '../assets/audit';
import type { Executor, Transaction } from '../db/client';
import { assets } from '../db/schema-domain';
import { locationAudits, type LocationAuditEntry } from '../db/schema-places';
import { AppError } from '../errors';
import { assertCanManageLocations } from '../locations/access';
import { findLocation, inSubtreeCondition } from '../locations/queries';
import { auditLocation } from '../locations/mutations';
import { holdTreeStill } from '../locations/tree-turn';
import { isUuid, parseInput, singleLineText } from '../validation';
import { visibleAssetsCondition } from '../assets/access';

// Audit mode: what was scanned at a place against what is recorded there (the place and every
// place under it). Saving marks each scanned asset "last seen here, now, by this person".

export const maxScannedTags = 5000;

export const scanSchema = z.object({
  locationId: z.uuid('Choose a place.'),
  // A handheld scanner types what a label's QR code holds (…/a/<tag>), which may be longer than a tag.
  tags: z.array(singleLineText().max(2000)).max(maxScannedTags, `Scan at most ${maxScannedTags} tags in one audit.`),
});
export type ScanInput = z.input<typeof scanSchema>;

export type ScanResult = {
  found: LocationAuditEntry[];
  missing: LocationAuditEntry[];
  unexpected: LocationAuditEntry[];
  /** Scanned text that is no asset's tag. */
  unknown: string[];
};

/** Sorts the scanned tags into found, missing, unexpected and unknown; writes nothing. */
export async function compareScan(executor: Executor, actor: Actor, input: ScanInput): Promise<ScanResult> {
  assertCanManageLocations(actor);
  const { locationId, tags } = parseInput(scanSchema, input);
  await findLocation(executor, actor, locationId);
  const scanned = [
    ...new Set(
      tags
        .map((tag) => codeToLookup(tag).tag)
        .filter(Boolean)
        .map((tag) => tag.toLowerCase()),
    ),
  ];
  const columns = {
    assetId: assets.id,
    assetTag: assets.assetTag,
    name: assets.name,
    recordedLocation: assets.location,
    here: sql<boolean>`${inSubtreeCondition(locationId)}`.mapWith(Boolean),
  };
  const [expected, seen] = await Promise.all([
    executor.select(columns).from(assets).where(inSubtreeCondition(locationId)),
    scanned.length > 0
      ? executor
          .select(columns)
          .from(assets)
          .where(inArray(sql`lower(${assets.assetTag})`, scanned))
      : Promise.resolve([]),
  ]);
  const seenIds = new Set(seen.map((asset) => asset.assetId));
  const known = new Set(seen.map((asset) => asset.assetTag.toLowerCase()));
  const entry = (row: (typeof expected)[number], result: LocationAuditEntry['result']): LocationAuditEntry => ({
    assetId: row.assetId,
    assetTag: row.assetTag,
    name: row.name,
    result,
    recordedLocation: row.recordedLocation,
  });
  const byTag = (a: LocationAuditEntry, b: LocationAuditEntry) => a.assetTag.localeCompare(b.assetTag);
  return {
    found: seen
      .filter((row) => row.here)
      .map((row) => entry(row, 'found'))
      .sort(byTag),
    missing: expected
      .filter((row) => !seenIds.has(row.assetId))
      .map((row) => entry(row, 'missing'))
      .sort(byTag),
    unexpected: seen
      .filter((row) => !row.here)
      .map((row) => entry(row, 'unexpected'))
      .sort(byTag),
    unknown: scanned.filter((tag) => !known.has(tag)),
  };
}

/**
 * Saves an audit: each scanned asset is "last seen here, now, by the actor" (its own audit row
 * too), and the whole comparison is kept for the report. The assets' versions stay: being seen
 * is no edit, and must not make an open edit form stale.
 */
export async function saveLocationAudit(tx: Transaction, actor: Actor, input: ScanInput): Promise<{ id: string }> {
  await holdTreeStill(tx);
  const result = await compareScan(tx, actor, input);
  const location = await findLocation(tx, actor, input.locationId);
  const scanned = [...result.found, ...result.unexpected];
  if (scanned.length > 0) {
    await tx
      .update(assets)
      .set({ lastSeenAt: sql`now()`, lastSeenLocationId: location.id, lastSeenById: actor.id })
      .where(
        inArray(
          assets.id,
          scanned.map((entry) => entry.assetId),
        ),
      );
  }
  const [{ id }] = await tx
    .insert(locationAudits)
    .values({
      locationId: location.id,
      locationPath: location.path,
      auditorId: actor.id,
      auditorName: actor.displayName,
      entries: [...result.found, ...result.missing, ...result.unexpected],
      unknownTags: result.unknown,
    })
    .returning({ id: locationAudits.id });
  for (const entry of scanned) {
    await auditAsset(
      tx,
      actor,
      'asset.seen',
      { id: entry.assetId, assetTag: entry.assetTag },
      {
        location: location.path,
        result: entry.result,
        audit: id,
      },
    );
  }
  await auditLocation(tx, actor, 'location.audit', location, {
    audit: id,
    found: result.found.length,
    missing: result.missing.length,
    unexpected: result.unexpected.length,
  });
  return { id };
}

export type SavedAudit = {
  id: string;
  locationId: string | null;
  locationPath: string;
  auditorName: string;
  at: Date;
  entries: LocationAuditEntry[];
  unknownTags: string[];
};

const auditColumns = {
  id: locationAudits.id,
  locationId: locationAudits.locationId,
  locationPath: locationAudits.locationPath,
  auditorName: locationAudits.auditorName,
  at: locationAudits.at,
  entries: locationAudits.entries,
  unknownTags: locationAudits.unknownTags,
};

export async function findLocationAudit(executor: Executor, actor: Actor, id: string): Promise<SavedAudit> {
  assertCanManageLocations(actor);
  const [row] = isUuid(id)
    ? await executor.select(auditColumns).from(locationAudits).where(eq(locationAudits.id, id))
    : [];
  if (!row) throw new AppError('not_found', 'No such audit.');
  return row;
}

/** A place's audits, newest first, without their entries. */
export async function listLocationAudits(executor: Executor, actor: Actor, locationId: string) {
  assertCanManageLocations(actor);
  return executor
    .select({
      id: locationAudits.id,
      auditorName: locationAudits.auditorName,
      at: locationAudits.at,
      found: sql<number>`(select count(*)::int from jsonb_array_elements(${locationAudits.entries}) e where e->>'result' = 'found')`,
      missing: sql<number>`(select count(*)::int from jsonb_array_elements(${locationAudits.entries}) e where e->>'result' = 'missing')`,
      unexpected: sql<number>`(select count(*)::int from jsonb_array_elements(${locationAudits.entries}) e where e->>'result' = 'unexpected')`,
    })
    .from(locationAudits)
    .where(and(eq(locationAudits.locationId, locationId)))
    .orderBy(desc(locationAudits.at))
    .limit(20);
}

/** The report's rows, for the CSV an auditor downloads. */
export function auditReportRows(audit: SavedAudit): (string | Date | null)[][] {
  return [
    ...audit.entries.map((entry) => [
      entry.assetTag,
      entry.name,
      entry.result,
      entry.recordedLocation,
      audit.locationPath,
      audit.at,
      audit.auditorName,
    ]),
    ...audit.unknownTags.map((tag) => [
      tag,
      null,
      'unknown tag',
      null,
      audit.locationPath,
      audit.at,
      audit.auditorName,
    ]),
  ];
}
export const auditReportHeader = [
  'asset_tag',
  'name',
  'result',
  'recorded_location',
  'audited_location',
  'audited_at',
  'auditor',
];

/** Where and by whom an asset was last seen by an audit, for its page. */
export async function findLastSeen(
  executor: Executor,
  actor: Actor,
  assetId: string,
): Promise<{ at: Date; place: string | null; by: string | null } | null> {
  if (!isUuid(assetId)) return null;
  const [row] = await executor
    .select({
      at: assets.lastSeenAt,
      place: sql<string | null>`(select l.path from locations l where l.id = ${assets.lastSeenLocationId})`,
      by: sql<string | null>`(select u.display_name from users u where u.id = ${assets.lastSeenById})`,
    })
    .from(assets)
    .where(and(eq(assets.id, assetId), visibleAssetsCondition(actor)));
  return row?.at ? { at: row.at, place: row.place, by: row.by } : null;
}
