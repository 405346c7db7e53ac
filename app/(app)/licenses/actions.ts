'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { serverAction } from '@/lib/boundary/server-action';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { assignSeat, createLicense, revealProductKey, unassignSeat, updateLicense } from '@/lib/licenses/mutations';
import { licenseFieldsSchema, licenseUpdateSchema } from '@/lib/licenses/schemas';

// Each action: the boundary parses the form and signs the actor in, then the data layer checks the
// role and changes + audits in one transaction. A requester gets "No such license." from every one.

const licenseId = z.uuid('Unknown license.');

export const createLicenseAction = serverAction(
  { input: licenseFieldsSchema },
  async ({ actor, input, transaction }) => {
    const license = await transaction((tx) => createLicense(tx, actor, input));
    revalidatePath('/licenses');
    await redirectInApp(`/licenses/${license.id}?created=1`);
  },
);

export const updateLicenseAction = serverAction(
  { input: licenseUpdateSchema.required({ name: true, seats: true }).extend({ licenseId }) },
  async ({ actor, input, transaction }) => {
    const { productKey, ...rest } = input;
    // The edit form never shows the stored key; a blank "new product key" keeps it.
    const changes = productKey ? { ...rest, productKey } : rest;
    const license = await transaction((tx) => updateLicense(tx, actor, changes));
    revalidatePath('/licenses');
    revalidatePath(`/licenses/${input.licenseId}`);
    return { status: 'success', message: `Saved ${license.name}.`, values: { version: String(license.version) } };
  },
);

export const revealKeyAction = serverAction(
  { input: z.object({ licenseId }) },
  async ({ actor, input, transaction }) => {
    const key = await transaction((tx) => revealProductKey(tx, actor, input.licenseId));
    if (!key) return { status: 'success', message: 'This license has no product key.' };
    return {
      status: 'success',
      message: 'Product key revealed. This was recorded in the audit log.',
      values: { productKey: key },
    };
  },
);

const holderKind = z.enum(['user', 'asset'], { error: 'Choose a user or an asset.' });

export const assignSeatAction = serverAction(
  {
    input: z.object({
      licenseId,
      holder: holderKind,
      userId: z.string().optional(),
      assetId: z.string().optional(),
    }),
  },
  async ({ actor, input, transaction }) => {
    // Only the picker of the chosen kind is on the form; its error goes beside it.
    const holder =
      input.holder === 'user' ? { userId: input.userId || undefined } : { assetId: input.assetId || undefined };
    if (!holder.userId && !holder.assetId) {
      const field = input.holder === 'user' ? 'userId' : 'assetId';
      return {
        status: 'error',
        message: 'Please correct the fields marked below.',
        fieldErrors: { [field]: input.holder === 'user' ? 'Choose a user.' : 'Choose an asset.' },
      };
    }
    const seat = await transaction((tx) => assignSeat(tx, actor, { licenseId: input.licenseId, ...holder }));
    revalidatePath(`/licenses/${input.licenseId}`);
    revalidatePath('/licenses');
    return { status: 'success', message: `Seat assigned to ${seat.holder} (${seat.used} of ${seat.seats} used).` };
  },
);

export const unassignSeatAction = serverAction(
  { input: z.object({ licenseId, seatId: z.uuid('Unknown seat.') }) },
  async ({ actor, input, transaction }) => {
    const { holder } = await transaction((tx) =>
      unassignSeat(tx, actor, { licenseId: input.licenseId, seatId: input.seatId }),
    );
    revalidatePath(`/licenses/${input.licenseId}`);
    revalidatePath('/licenses');
    return { status: 'success', message: `Seat of ${holder} unassigned.` };
  },
);
