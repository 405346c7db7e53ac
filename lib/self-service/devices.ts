import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { isStaff, type Actor } from '../actor';
import { findListed } from '../catalog/spellings';
import { getConfig } from '../config';
import type { Executor } from '../db/client';
import { assets, licenses, licenseSeats, type AssetStatus } from '../db/schema-domain';
import { AppError } from '../errors';
import { isUuid } from '../validation';

// The requester's portal around their devices: "My devices" on the home page, each with the
// licenses on it, and "Report a problem" opening a new ticket already about that device.

export type DeviceLicense = { id: string; name: string; vendor: string | null; expiresAt: string | null };
export type MyDevice = {
  id: string;
  assetTag: string;
  name: string;
  category: string;
  status: AssetStatus;
  licenses: DeviceLicense[];
};

const maxDevices = 50;

/** The assets checked out to `actor`, by tag, each with the licenses whose seats are on it (no keys). */
export async function listMyDevices(executor: Executor, actor: Actor): Promise<MyDevice[]> {
  const devices = await executor
    .select({
      id: assets.id,
      assetTag: assets.assetTag,
      name: assets.name,
      category: assets.category,
      status: assets.status,
    })
    .from(assets)
    .where(eq(assets.assignedToId, actor.id))
    .orderBy(asc(assets.assetTag))
    .limit(maxDevices);
  if (devices.length === 0) return [];
  const seats = await executor
    .select({
      assetId: licenseSeats.assetId,
      id: licenses.id,
      name: licenses.name,
      vendor: licenses.vendor,
      expiresAt: licenses.expiresAt,
    })
    .from(licenseSeats)
    .innerJoin(licenses, eq(licenses.id, licenseSeats.licenseId))
    .where(
      inArray(
        licenseSeats.assetId,
        devices.map((device) => device.id),
      ),
    )
    .orderBy(asc(licenses.name));
  return devices.map((device) => ({
    ...device,
    licenses: seats
      .filter((seat) => seat.assetId === device.id)
      .map(({ id, name, vendor, expiresAt }) => ({ id, name, vendor, expiresAt })),
  }));
}

/**
 * The ticket category for a problem with an asset of `assetCategory`: the listed ticket category
 * of the same name (any letter case), else `fallback` when it is listed, else none (the form's
 * default). One rule, so "Laptops" assets only get a "Laptops" ticket category once an admin lists it.
 */
export async function guessTicketCategory(
  executor: Executor,
  assetCategory: string,
  fallback: string | undefined,
): Promise<string | null> {
  const same = await findListed(executor, 'ticket_category', assetCategory);
  if (same) return same.name;
  if (!fallback) return null;
  return (await findListed(executor, 'ticket_category', fallback))?.name ?? null;
}

export type ProblemReportDraft = {
  asset: { id: string; assetTag: string; name: string };
  category: string | null;
};

const noSuchAsset = () => new AppError('not_found', 'No such asset.');

/**
 * What "Report a problem" fills in: the asset and a guessed category. A requester may only report
 * on an asset checked out to them; anything else is "not found", like an asset that does not exist.
 */
export async function problemReportDraft(
  executor: Executor,
  actor: Actor,
  assetId: string,
): Promise<ProblemReportDraft> {
  if (!isUuid(assetId)) throw noSuchAsset();
  const [asset] = await executor
    .select({ id: assets.id, assetTag: assets.assetTag, name: assets.name, category: assets.category })
    .from(assets)
    .where(and(eq(assets.id, assetId), isStaff(actor) ? undefined : eq(assets.assignedToId, actor.id)));
  if (!asset) throw noSuchAsset();
  const category = await guessTicketCategory(executor, asset.category, getConfig().reportProblemCategory);
  return { asset: { id: asset.id, assetTag: asset.assetTag, name: asset.name }, category };
}
