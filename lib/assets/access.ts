import 'server-only';
import { eq, type SQL } from 'drizzle-orm';
import type { AuditActor } from '../audit/record';
import type { SessionUser } from '../auth/session-store';
import { assets } from '../db/schema-domain';
import { AppError } from '../errors';
import { fieldErrors } from '../http/json';
import type { z } from 'zod';

/** Who is acting, and from where: every asset function takes it so permissions live here, not in the UI. */
export type AssetContext = { actor: SessionUser; ipAddress?: string | null };

export const assetNotFoundMessage = 'No such asset.';

export function canManageAssets(actor: SessionUser): boolean {
  return actor.role === 'admin' || actor.role === 'agent';
}

/** Requesters change nothing; they get the same "not found" whether the asset exists or not. */
export function assertCanManageAssets(actor: SessionUser): void {
  if (!canManageAssets(actor)) throw new AppError('not_found', assetNotFoundMessage);
}

/** The rows an actor may see: everything for staff, only what is checked out to them for a requester. */
export function visibleAssetsCondition(actor: SessionUser): SQL | undefined {
  return canManageAssets(actor) ? undefined : eq(assets.assignedToId, actor.id);
}

export function auditActorOf(context: AssetContext): AuditActor {
  return { id: context.actor.id, username: context.actor.username };
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** Validates input inside the data layer too, turning zod's complaint into the usual per-field 400. */
export function parseAssetInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: fieldErrors(parsed.error) });
  return parsed.data;
}
