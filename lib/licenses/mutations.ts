import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { ZodError } from 'zod';
import { recordAudit } from '../audit/record';
import type { Transaction } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { users } from '../db/schema';
import { assets, licenses, licenseSeats } from '../db/schema-domain';
import { AppError } from '../errors';
import { fieldErrors } from '../http/json';
import { assertLicenseAccess, licenseNotFound, type LicenseActor } from './access';
import { getLicense, isUuid, type LicenseDetail } from './queries';
import { licenseFieldsSchema, licenseUpdateSchema, seatHolderSchema, type LicenseFieldsInput, type SeatHolder } from './schemas';

// Every change: check the actor, lock what the decision depends on, change, audit — all in the
// caller's transaction, so the audit row commits with the change or not at all.

export type LicenseChangeContext = { actor: LicenseActor; ipAddress?: string | null };

const staleMessage = 'Changed by someone else — reload the page and try again.';

const auditActor = (actor: LicenseActor) => ({ id: actor.id, username: actor.username });

function invalid(error: ZodError): AppError {
  return new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: fieldErrors(error) });
}

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

export async function createLicense(tx: Transaction, input: LicenseFieldsInput, context: LicenseChangeContext): Promise<LicenseDetail> {
  assertLicenseAccess(context.actor);
  const parsed = licenseFieldsSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const [created] = await tx.insert(licenses).values(parsed.data).returning({ id: licenses.id });
  await recordAudit(tx, {
    actor: auditActor(context.actor),
    action: 'license.create',
    target: { type: 'license', id: created.id },
    ipAddress: context.ipAddress,
    // The product key is a secret: the audit says whether one was set, never what it is.
    details: { name: parsed.data.name, vendor: parsed.data.vendor, seats: parsed.data.seats, expiresAt: parsed.data.expiresAt, productKeySet: Boolean(parsed.data.productKey) },
  });
  return getLicense(tx, context.actor, created.id);
}

export async function updateLicense(
  tx: Transaction,
  id: string,
  input: Record<string, unknown>,
  context: LicenseChangeContext,
): Promise<LicenseDetail> {
  assertLicenseAccess(context.actor);
  const parsed = licenseUpdateSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const { version, ...changes } = parsed.data;
  const current = await lockLicense(tx, id);
  if (current.version !== version) throw new AppError('conflict', staleMessage);
  const [before] = await tx
    .select({ name: licenses.name, vendor: licenses.vendor, seats: licenses.seats, expiresAt: licenses.expiresAt, notes: licenses.notes, productKey: licenses.productKey })
    .from(licenses)
    .where(eq(licenses.id, id));

  if (changes.seats !== undefined && changes.seats < current.seats) {
    const used = await countUsedSeats(tx, id);
    if (changes.seats < used) {
      const message = `${used} seat${used === 1 ? ' is' : 's are'} in use; unassign some before reducing the total below ${used}.`;
      throw new AppError('conflict', message, { fields: { seats: message } });
    }
  }

  const updated = await tx
    .update(licenses)
    .set({ ...changes, version: sql`${licenses.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(licenses.id, id), eq(licenses.version, version)))
    .returning({ id: licenses.id });
  if (updated.length === 0) throw new AppError('conflict', staleMessage);

  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(changes) as [keyof typeof before, unknown][]) {
    if (value === undefined || before[key] === value) continue;
    changed[key] = key === 'productKey' ? { from: before[key] ? 'set' : 'empty', to: value ? 'set' : 'empty' } : { from: before[key], to: value };
  }
  await recordAudit(tx, {
    actor: auditActor(context.actor),
    action: 'license.update',
    target: { type: 'license', id },
    ipAddress: context.ipAddress,
    details: { name: before.name, changes: changed },
  });
  return getLicense(tx, context.actor, id);
}

/** The full product key, for agents and admins; every reveal leaves an audit row. */
export async function revealProductKey(tx: Transaction, id: string, context: LicenseChangeContext): Promise<string | null> {
  assertLicenseAccess(context.actor);
  if (!isUuid(id)) throw licenseNotFound();
  const [row] = await tx.select({ name: licenses.name, productKey: licenses.productKey }).from(licenses).where(eq(licenses.id, id));
  if (!row) throw licenseNotFound();
  await recordAudit(tx, {
    actor: auditActor(context.actor),
    action: 'license.key_reveal',
    target: { type: 'license', id },
    ipAddress: context.ipAddress,
    details: { name: row.name },
  });
  return row.productKey;
}

type ResolvedHolder = { userId: string; assetId: null; label: string } | { userId: null; assetId: string; label: string };

async function resolveHolder(tx: Transaction, holder: SeatHolder): Promise<ResolvedHolder> {
  if (holder.userId) {
    const [user] = await tx.select({ id: users.id, username: users.username, active: users.active }).from(users).where(eq(users.id, holder.userId));
    if (!user || !user.active) throw new AppError('unprocessable', 'Choose an active user.', { fields: { userId: 'Choose an active user.' } });
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

export type AssignedSeat = { seatId: string; holder: string; used: number; seats: number };

/**
 * Gives one seat to a user or an asset. The license row is locked first, so two people taking
 * the last seat at the same moment are served one after the other: the second sees it taken.
 */
export async function assignSeat(tx: Transaction, licenseId: string, input: Record<string, unknown>, context: LicenseChangeContext): Promise<AssignedSeat> {
  assertLicenseAccess(context.actor);
  const parsed = seatHolderSchema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const license = await lockLicense(tx, licenseId);
  const holder = await resolveHolder(tx, parsed.data);
  const alreadyHolds = `${holder.label} already has a seat on ${license.name}.`;

  const [existing] = await tx
    .select({ id: licenseSeats.id })
    .from(licenseSeats)
    .where(and(eq(licenseSeats.licenseId, license.id), holder.userId ? eq(licenseSeats.userId, holder.userId) : eq(licenseSeats.assetId, holder.assetId!)));
  if (existing) throw new AppError('conflict', alreadyHolds);

  const used = await countUsedSeats(tx, license.id);
  if (used >= license.seats) throw new AppError('conflict', `No free seats left on ${license.name}.`);

  let seatId: string;
  try {
    [{ id: seatId }] = await tx
      .insert(licenseSeats)
      .values({ licenseId: license.id, userId: holder.userId, assetId: holder.assetId, assignedById: context.actor.id })
      .returning({ id: licenseSeats.id });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', alreadyHolds);
    throw error;
  }
  await recordAudit(tx, {
    actor: auditActor(context.actor),
    action: 'license.seat_assign',
    target: { type: 'license', id: license.id },
    ipAddress: context.ipAddress,
    details: { name: license.name, seatId, ...(holder.userId ? { userId: holder.userId, username: holder.label } : { assetId: holder.assetId, assetTag: holder.label }) },
  });
  return { seatId, holder: holder.label, used: used + 1, seats: license.seats };
}

/** Frees a seat, named by its id or by its holder (user or asset). */
export async function unassignSeat(
  tx: Transaction,
  licenseId: string,
  input: { seatId?: string; userId?: string; assetId?: string; assetTag?: string },
  context: LicenseChangeContext,
): Promise<{ holder: string }> {
  assertLicenseAccess(context.actor);
  const license = await lockLicense(tx, licenseId);
  let condition;
  if (input.seatId) {
    if (!isUuid(input.seatId)) throw new AppError('not_found', 'That seat is not assigned.');
    condition = eq(licenseSeats.id, input.seatId);
  } else {
    const parsed = seatHolderSchema.safeParse(input);
    if (!parsed.success) throw invalid(parsed.error);
    const { userId, assetId, assetTag } = parsed.data;
    // No "active user" check here: a disabled user's seat must still be freed.
    if (userId) condition = eq(licenseSeats.userId, userId);
    else if (assetId) condition = eq(licenseSeats.assetId, assetId);
    else condition = sql`${licenseSeats.assetId} = (select ${assets.id} from ${assets} where lower(${assets.assetTag}) = ${assetTag!.toLowerCase()})`;
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
  await recordAudit(tx, {
    actor: auditActor(context.actor),
    action: 'license.seat_unassign',
    target: { type: 'license', id: license.id },
    ipAddress: context.ipAddress,
    details: { name: license.name, seatId: removed.id, ...(removed.userId ? { userId: removed.userId, username: holder } : { assetId: removed.assetId, assetTag: holder }) },
  });
  return { holder };
}
