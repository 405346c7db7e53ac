'use server';

import { revalidatePath } from 'next/cache';
import { staffRoles } from '@/lib/actor';
import { serverAction } from '@/lib/boundary/server-action';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { saveLocationAudit } from '@/lib/location-audits/audits';
import { createLocation, moveLocation, removeLocation, renameLocation } from '@/lib/locations/mutations';
import {
  moveLocationSchema,
  newLocationSchema,
  removeLocationSchema,
  renameLocationSchema,
} from '@/lib/locations/schemas';
import { z } from 'zod';

// Agents and admins: each change of a place, the paths it rewrites and its audit row commit together.

function refresh() {
  revalidatePath('/locations', 'layout');
  revalidatePath('/assets', 'layout');
}

export const createLocationAction = serverAction(
  { input: newLocationSchema, roles: staffRoles },
  async ({ actor, input, transaction }) => {
    const created = await transaction((tx) => createLocation(tx, actor, input));
    refresh();
    return { status: 'success', message: `Added “${created.path}”.`, values: {} };
  },
);

export const renameLocationAction = serverAction(
  { input: renameLocationSchema, roles: staffRoles },
  async ({ actor, input, transaction }) => {
    const renamed = await transaction((tx) => renameLocation(tx, actor, input));
    refresh();
    return redirectInApp(`/locations/${renamed.id}?notice=renamed`);
  },
);

export const moveLocationAction = serverAction(
  { input: moveLocationSchema, roles: staffRoles },
  async ({ actor, input, transaction }) => {
    const moved = await transaction((tx) => moveLocation(tx, actor, input));
    refresh();
    return redirectInApp(`/locations/${moved.id}?notice=moved`);
  },
);

export const removeLocationAction = serverAction(
  { input: removeLocationSchema, roles: staffRoles },
  async ({ actor, input, transaction }) => {
    const removed = await transaction((tx) => removeLocation(tx, actor, input));
    refresh();
    return redirectInApp(`/locations?removed=${encodeURIComponent(removed.path)}`);
  },
);

// The audit page sends its scanned tags as one field, a tag per line.
const auditFormSchema = z.object({
  locationId: z.uuid('Choose a place.'),
  tags: z.string().max(400_000, 'Too many tags for one audit.'),
});

export const saveLocationAuditAction = serverAction(
  { input: auditFormSchema, roles: staffRoles },
  async ({ actor, input, transaction }) => {
    const tags = input.tags
      .split('\n')
      .map((tag) => tag.trim())
      .filter(Boolean);
    if (tags.length === 0) return { status: 'error', message: 'Scan or type at least one tag first.' };
    const saved = await transaction((tx) => saveLocationAudit(tx, actor, { locationId: input.locationId, tags }));
    refresh();
    return redirectInApp(`/locations/${input.locationId}/audits/${saved.id}`);
  },
);
