import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { assets } from '../db/schema-domain';
import { AppError } from '../errors';

const alreadyUsed = (tag: string) => `Already used by ${tag}.`;

/**
 * Asset tags and serials are unique ignoring letter case. Checked first so the form can say which
 * asset holds the value; the unique indexes remain the real guard when two saves race.
 */
export async function assertTagAndSerialFree(
  executor: Executor,
  values: { assetTag?: string; serial?: string | null },
  exceptAssetId?: string,
): Promise<void> {
  const fields: Record<string, string> = {};
  const notThis = exceptAssetId ? ne(assets.id, exceptAssetId) : undefined;
  // The tag of another asset whose `column` equals `value` in any letter case.
  const holderOf = async (column: typeof assets.assetTag | typeof assets.serial, value: string) => {
    const [owner] = await executor
      .select({ assetTag: assets.assetTag })
      .from(assets)
      .where(and(eq(sql`lower(${column})`, value.toLowerCase()), notThis))
      .limit(1);
    return owner?.assetTag;
  };
  const tagHolder = values.assetTag === undefined ? undefined : await holderOf(assets.assetTag, values.assetTag);
  if (tagHolder) fields.assetTag = alreadyUsed(tagHolder);
  const serialHolder = values.serial ? await holderOf(assets.serial, values.serial) : undefined;
  if (serialHolder) fields.serial = alreadyUsed(serialHolder);
  if (Object.keys(fields).length > 0)
    throw new AppError('conflict', 'This asset tag or serial is already used by another asset.', { fields });
}

/** Turns a unique-index violation that slipped past the pre-check (a race) into the same field error. */
export function duplicateAssetError(error: unknown): AppError | null {
  if (!isUniqueViolation(error)) return null;
  const text = describeConstraint(error);
  const fields: Record<string, string> = text.includes('assets_serial_key')
    ? { serial: 'Already used by another asset.' }
    : { assetTag: 'Already used by another asset.' };
  return new AppError('conflict', 'This asset tag or serial was just taken by another asset.', {
    fields,
    cause: error,
  });
}

function describeConstraint(error: unknown): string {
  const parts: string[] = [];
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const {
      constraint,
      constraint_name: constraintName,
      message,
    } = current as { constraint?: string; constraint_name?: string; message?: string };
    parts.push(String(constraint ?? ''), String(constraintName ?? ''), String(message ?? ''));
  }
  return parts.join(' ');
}
