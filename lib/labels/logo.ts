import 'server-only';
import { eq } from 'drizzle-orm';
import { isAdmin, type Actor } from '../actor';
import { checkImage, describeBytes } from '../assets/image-validation';
import { assertEmbeddableLogo } from './draw';
import { auditFor } from '../audit/record';
import type { Executor, Transaction } from '../db/client';
import { labelLogo } from '../db/schema-labels';
import { AppError } from '../errors';
import type { LabelLogo } from './draw';

// One logo for every label, set by an admin. PNG or JPEG only: those are what a PDF embeds as they are.

export const maxLabelLogoBytes = 512 * 1024;
const logoLimits = { maxBytes: maxLabelLogoBytes, maxDimension: 4000 };

const auditLabelLogo = auditFor('label_logo', () => ({}));

function assertAdmin(actor: Actor) {
  if (!isAdmin(actor)) throw new AppError('forbidden', 'Only an admin may change the label logo.');
}

/** The logo for a label sheet, or null when none was uploaded. */
export async function findLabelLogo(executor: Executor): Promise<LabelLogo | null> {
  const [row] = await executor
    .select({ bytes: labelLogo.bytes, contentType: labelLogo.contentType })
    .from(labelLogo)
    .where(eq(labelLogo.id, 1))
    .limit(1);
  if (!row) return null;
  return { bytes: new Uint8Array(row.bytes), contentType: row.contentType as LabelLogo['contentType'] };
}

/** When the logo last changed (milliseconds), to address its image anew each time; null without a logo. */
export async function labelLogoVersion(executor: Executor): Promise<number | null> {
  const [row] = await executor
    .select({ updatedAt: labelLogo.updatedAt })
    .from(labelLogo)
    .where(eq(labelLogo.id, 1))
    .limit(1);
  return row ? row.updatedAt.getTime() : null;
}

export async function setLabelLogo(tx: Transaction, actor: Actor, bytes: Uint8Array): Promise<{ byteSize: number }> {
  assertAdmin(actor);
  if (bytes.byteLength > maxLabelLogoBytes)
    throw new AppError('payload_too_large', `The logo is larger than ${describeBytes(maxLabelLogoBytes)}.`);
  const image = checkImage(bytes, logoLimits);
  if (image.contentType !== 'image/png' && image.contentType !== 'image/jpeg')
    throw new AppError('unsupported_media_type', 'The label logo must be a PNG or JPEG image.', {
      fields: { image: 'Choose a PNG or JPEG image.' },
    });
  await assertEmbeddableLogo({ bytes, contentType: image.contentType });
  const values = {
    contentType: image.contentType,
    bytes: Buffer.from(bytes),
    byteSize: bytes.byteLength,
    updatedById: actor.id,
    updatedAt: new Date(),
  };
  await tx
    .insert(labelLogo)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: labelLogo.id, set: values });
  await auditLabelLogo(
    tx,
    actor,
    'label_logo.set',
    { id: '1' },
    { contentType: image.contentType, byteSize: bytes.byteLength },
  );
  return { byteSize: bytes.byteLength };
}

export async function removeLabelLogo(tx: Transaction, actor: Actor): Promise<boolean> {
  assertAdmin(actor);
  const removed = await tx.delete(labelLogo).where(eq(labelLogo.id, 1)).returning({ id: labelLogo.id });
  if (removed.length > 0) await auditLabelLogo(tx, actor, 'label_logo.remove', { id: '1' });
  return removed.length > 0;
}
