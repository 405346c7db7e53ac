'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { validatedAction } from '@/lib/actions/validated-action';
import { getRequestInfo, requireUser } from '@/lib/auth/dal';
import { getDb } from '@/lib/db/client';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { assignSeat, createLicense, revealProductKey, unassignSeat, updateLicense, type LicenseChangeContext } from '@/lib/licenses/mutations';
import { licenseFieldsSchema, licenseUpdateSchema } from '@/lib/licenses/schemas';

// Each action: parse (validatedAction), authenticate, then the data layer checks the role and
// changes + audits in one transaction. A requester gets "No such license." from every one.

async function changeContext(): Promise<LicenseChangeContext> {
  const { user } = await requireUser();
  const { ipAddress } = await getRequestInfo();
  return { actor: user, ipAddress };
}

const licenseId = z.uuid('Unknown license.');

export const createLicenseAction = validatedAction(licenseFieldsSchema, async (data) => {
  const context = await changeContext();
  const db = await getDb();
  const license = await db.transaction((tx) => createLicense(tx, data, context));
  revalidatePath('/licenses');
  await redirectInApp(`/licenses/${license.id}?created=1`);
});

export const updateLicenseAction = validatedAction(licenseUpdateSchema.required({ name: true, seats: true }).extend({ licenseId }), async (data) => {
  const context = await changeContext();
  const { licenseId: id, productKey, ...rest } = data;
  // The edit form never shows the stored key; a blank "new product key" keeps it.
  const changes = productKey ? { ...rest, productKey } : rest;
  const db = await getDb();
  const license = await db.transaction((tx) => updateLicense(tx, id, changes, context));
  revalidatePath('/licenses');
  revalidatePath(`/licenses/${id}`);
  return { status: 'success', message: `Saved ${license.name}.`, values: { version: String(license.version) } };
});

export const revealKeyAction = validatedAction(z.object({ licenseId }), async (data) => {
  const context = await changeContext();
  const db = await getDb();
  const key = await db.transaction((tx) => revealProductKey(tx, data.licenseId, context));
  if (!key) return { status: 'success', message: 'This license has no product key.' };
  return { status: 'success', message: 'Product key revealed. This was recorded in the audit log.', values: { productKey: key } };
});

const holderKind = z.enum(['user', 'asset'], { error: 'Choose a user or an asset.' });

export const assignSeatAction = validatedAction(
  z.object({ licenseId, holder: holderKind, userId: z.string().optional(), assetTag: z.string().trim().max(100).optional() }),
  async (data) => {
    const context = await changeContext();
    const holder = data.holder === 'user' ? { userId: data.userId || undefined } : { assetTag: data.assetTag || undefined };
    if (!holder.userId && !holder.assetTag) {
      const field = data.holder === 'user' ? 'userId' : 'assetTag';
      return { status: 'error', message: 'Please correct the fields marked below.', fieldErrors: { [field]: data.holder === 'user' ? 'Choose a user.' : 'Enter an asset tag.' } };
    }
    const db = await getDb();
    const seat = await db.transaction((tx) => assignSeat(tx, data.licenseId, holder, context));
    revalidatePath(`/licenses/${data.licenseId}`);
    revalidatePath('/licenses');
    return { status: 'success', message: `Seat assigned to ${seat.holder} (${seat.used} of ${seat.seats} used).` };
  },
);

export const unassignSeatAction = validatedAction(z.object({ licenseId, seatId: z.uuid('Unknown seat.') }), async (data) => {
  const context = await changeContext();
  const db = await getDb();
  const { holder } = await db.transaction((tx) => unassignSeat(tx, data.licenseId, { seatId: data.seatId }, context));
  revalidatePath(`/licenses/${data.licenseId}`);
  revalidatePath('/licenses');
  return { status: 'success', message: `Seat of ${holder} unassigned.` };
});
