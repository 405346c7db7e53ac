import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../actor';
import { auditFor } from '../audit/record';
import type { Transaction } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { users } from '../db/schema';
import { assets, licenses, licenseSeats } from '../db/schema-domain';
import { updateAtVersion } from '../db/versioned';
import { AppError, staleVersion } from '../errors';
import { isUuid, parseInput } from '../validation';
import { assertLicenseAccess, licenseNotFound } from './access';
import { getLicense, type LicenseDetail } from './queries';
import {
  licenseFieldsSchema,
  licenseUpdateSchema,
  seatHolderSchema,
  type LicenseFieldsInput,
  type LicenseUpdateInput,
  type SeatHolder,
  type SeatHolderInput,
} from './schemas';

// Every change: check the actor, lock what the decision depends on, change, audit — all in the
// caller's transaction, so the audit row commits with the change or not at all.

const auditLicense = auditFor('license', (license: { name: string }) => ({ name: license.name }));

/** Locks the license row; concurrent seat changes and seat-count edits queue up behind it. */
async function lockLicense(tx: Transaction, id: string) {
  if (!isUuid(id)) throw licenseNotFound();
  const [row] = await tx
    .select({ id: licenses.id, name: licenses.name, seats: licenses.seats, version: licenses.version })
    .from(licenses)
    .where(eq(licenses.id, id))
    .for('update');
  if (!row) throw licenseNotFound();
  return row;
}

async function countUsedSeats(tx: Transaction, licenseId: string): Promise<number> {
  const [{ used }] = await tx
    .select({ used: sql<number>`count(*)`.mapWith(Number) })
    .from(licenseSeats)
    .where(eq(licenseSeats.licenseId, licenseId));
  return used;
}

export async function createLicense(tx: Transaction, actor: Actor, input: LicenseFieldsInput): Promise<LicenseDetail> {
  assertLicenseAccess(actor);
  const fields = parseInput(licenseFieldsSchema, input);
  const [created] = await tx.insert(licenses).values(fields).returning({ id: licenses.id, name: licenses.name });
  // The product key is a secret: the audit says whether one was set, never what it is.
  await auditLicense(tx, actor, 'license.create', created, {
    vendor: fields.vendor,
    seats: fields.seats,
    expiresAt: fields.expiresAt,
    productKeySet: Boolean(fields.productKey),
  });
  return getLicense(tx, actor, created.id);
}

/** Changes the fields named in `input` of the license read at `version`; a newer version is a conflict. */
export async function updateLicense(
  tx: Transaction,
  actor: Actor,
  input: { licenseId: string } & LicenseUpdateInput,
): Promise<LicenseDetail> {
  assertLicenseAccess(actor);
  const { licenseId: id, ...fields } = input;
  const { version, ...changes } = parseInput(licenseUpdateSchema, fields);
  const current = await lockLicense(tx, id);
  if (current.version !== version) throw staleVersion();
  const [before] = await tx
    .select({
      name: licenses.name,
      vendor: licenses.vendor,
      seats: licenses.seats,
      expiresAt: licenses.expiresAt,
      notes: licenses.notes,
      productKey: licenses.productKey,
    })
    .from(licenses)
    .where(eq(licenses.id, id));

  if (changes.seats !== undefined && changes.seats < current.seats) {
    const used = await countUsedSeats(tx, id);
    if (changes.seats < used) {
      const message = `${used} seat${used === 1 ? ' is' : 's are'} in use; unassign some before reducing the total below ${used}.`;
      throw new AppError('conflict', message, { fields: { seats: message } });
    }
  }

  await updateAtVersion(tx, licenses, current, changes);

  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(changes) as [keyof typeof before, unknown][]) {
    if (value === undefined || before[key] === value) continue;
    changed[key] =
      key === 'productKey'
        ? { from: before[key] ? 'set' : 'empty', to: value ? 'set' : 'empty' }
        : { from: before[key], to: value };
  }
  await auditLicense(tx, actor, 'license.update', { id, name: before.name }, { changes: changed });
  return getLicense(tx, actor, id);
}

/** The full product key, for agents and admins; every reveal leaves an audit row. */
export async function revealProductKey(tx: Transaction, actor: Actor, licenseId: string): Promise<string | null> {
  assertLicenseAccess(actor);
  if (!isUuid(licenseId)) throw licenseNotFound();
  const [row] = await tx
    .select({ name: licenses.name, productKey: licenses.productKey })
    .from(licenses)
    .where(eq(licenses.id, licenseId));
  if (!row) throw licenseNotFound();
  await auditLicense(tx, actor, 'license.key_reveal', { id: licenseId, name: row.name });
  return row.productKey;
}

type ResolvedHolder =
  { userId: string; assetId: null; label: string } | { userId: null; assetId: string; label: string };

async function resolveHolder(tx: Transaction, holder: SeatHolder): Promise<ResolvedHolder> {
  if (holder.userId) {
    const [user] = await tx
      .select({ id: users.id, username: users.username, active: users.active })
      .from(users)
      .where(eq(users.id, holder.userId));
    if (!user || !user.active)
      throw new AppError('unprocessable', 'Choose an active user.', { fields: { userId: 'Choose an active user.' } });
    return { userId: user.id, assetId: null, label: user.username };
  }
  const byTag = holder.assetTag !== undefined;
  const [asset] = await tx
    .select({ id: assets.id, assetTag: assets.assetTag })
    .from(assets)
    .where(byTag ? eq(sql`lower(${assets.assetTag})`, holder.assetTag!.toLowerCase()) : eq(assets.id, holder.assetId!));
  if (!asset) {
    const field = byTag ? 'assetTag' : 'assetId';
    const message = byTag ? `No asset has the tag "${holder.assetTag}".` : 'No such asset.';
    throw new AppError('unprocessable', message, { fields: { [field]: message } });
  }
  return { userId: null, assetId: asset.id, label: asset.assetTag };
}

/** How an audit row names a seat's holder: a user by username, an asset by tag. */
function holderDetails(holder: { userId: string | null; assetId: string | null }, label: string) {
  return holder.userId ? { userId: holder.userId, username: label } : { assetId: holder.assetId, assetTag: label };
}

export type AssignedSeat = { seatId: string; holder: string; used: number; seats: number };

/**
 * Gives one seat of license `licenseId` to a user or an asset. The license row is locked first, so
 * two people taking the last seat at the same moment are served one after the other: the second
 * sees it taken.
 */
export async function assignSeat(
  tx: Transaction,
  actor: Actor,
  input: { licenseId: string } & SeatHolderInput,
): Promise<AssignedSeat> {
  assertLicenseAccess(actor);
  const { licenseId, ...holderInput } = input;
  const wanted = parseInput(seatHolderSchema, holderInput);
  const license = await lockLicense(tx, licenseId);
  const holder = await resolveHolder(tx, wanted);
  const alreadyHolds = `${holder.label} already has a seat on ${license.name}.`;

  const [existing] = await tx
    .select({ id: licenseSeats.id })
    .from(licenseSeats)
    .where(
      and(
        eq(licenseSeats.licenseId, license.id),
        holder.userId ? eq(licenseSeats.userId, holder.userId) : eq(licenseSeats.assetId, holder.assetId!),
      ),
    );
  if (existing) throw new AppError('conflict', alreadyHolds);

  const used = await countUsedSeats(tx, license.id);
  if (used >= license.seats) throw new AppError('conflict', `No free seats left on ${license.name}.`);

  let seatId: string;
  try {
    [{ id: seatId }] = await tx
      .insert(licenseSeats)
      .values({ licenseId: license.id, userId: holder.userId, assetId: holder.assetId, assignedById: actor.id })
      .returning({ id: licenseSeats.id });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', alreadyHolds);
    throw error;
  }
  await auditLicense(tx, actor, 'license.seat_assign', license, {
    seatId,
    ...holderDetails(holder, holder.label),
  });
  return { seatId, holder: holder.label, used: used + 1, seats: license.seats };
}

/** Which seat to free: named by its id, or by its holder (a user, or an asset by id or tag). */
export type SeatToFree = { licenseId: string; seatId?: string; userId?: string; assetId?: string; assetTag?: string };

/** Frees a seat of license `licenseId`, named by its id or by its holder. */
export async function unassignSeat(tx: Transaction, actor: Actor, input: SeatToFree): Promise<{ holder: string }> {
  assertLicenseAccess(actor);
  const { licenseId, seatId, ...holderInput } = input;
  const license = await lockLicense(tx, licenseId);
  let condition;
  if (seatId) {
    if (!isUuid(seatId)) throw new AppError('not_found', 'That seat is not assigned.');
    condition = eq(licenseSeats.id, seatId);
  } else {
    const { userId, assetId, assetTag } = parseInput(seatHolderSchema, holderInput);
    // No "active user" check here: a disabled user's seat must still be freed.
    if (userId) condition = eq(licenseSeats.userId, userId);
    else if (assetId) condition = eq(licenseSeats.assetId, assetId);
    else
      condition = sql`${licenseSeats.assetId} = (select ${assets.id} from ${assets} where lower(${assets.assetTag}) = ${assetTag!.toLowerCase()})`;
  }
  const [removed] = await tx
    .delete(licenseSeats)
    .where(and(eq(licenseSeats.licenseId, license.id), condition))
    .returning({ id: licenseSeats.id, userId: licenseSeats.userId, assetId: licenseSeats.assetId });
  if (!removed) throw new AppError('not_found', 'That seat is not assigned.');

  const [holderRow] = removed.userId
    ? await tx.select({ label: users.username }).from(users).where(eq(users.id, removed.userId))
    : await tx.select({ label: assets.assetTag }).from(assets).where(eq(assets.id, removed.assetId!));
  const holder = holderRow?.label ?? 'unknown';
  await auditLicense(tx, actor, 'license.seat_unassign', license, {
    seatId: removed.id,
    ...holderDetails(removed, holder),
  });
  return { holder };
}
