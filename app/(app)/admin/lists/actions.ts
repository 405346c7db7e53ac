'use server';

import { revalidatePath } from 'next/cache';
import { adminRoles } from '@/lib/actor';
import {
  addCatalogValue,
  catalogRemoveSchema,
  catalogRenameSchema,
  newCatalogValueSchema,
  removeCatalogValue,
  renameCatalogValue,
} from '@/lib/catalog/admin';
import { catalogLabels } from '@/lib/catalog/kinds';
import { serverAction } from '@/lib/boundary/server-action';
import { redirectInApp } from '@/lib/http/redirect-in-app';

// Admin-only: each change of a list, the assets or tickets it renames and its audit row commit together.

function refreshLists() {
  revalidatePath('/admin/lists');
  revalidatePath('/assets', 'layout');
  revalidatePath('/tickets', 'layout');
}

export const addCatalogValueAction = serverAction(
  { input: newCatalogValueSchema, roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const added = await transaction((tx) => addCatalogValue(tx, actor, input));
    refreshLists();
    return { status: 'success', message: `Added “${added.name}”.`, values: {} };
  },
);

export const renameCatalogValueAction = serverAction(
  { input: catalogRenameSchema, roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const renamed = await transaction((tx) => renameCatalogValue(tx, actor, input));
    refreshLists();
    const what = catalogLabels[renamed.kind].usedBy.toLowerCase();
    const where = renamed.uses === 1 ? `1 ${what.slice(0, -1)}` : `${renamed.uses} ${what}`;
    return { status: 'success', message: `Renamed “${renamed.from}” to “${renamed.to}” on ${where}.` };
  },
);

export const removeCatalogValueAction = serverAction(
  { input: catalogRemoveSchema, roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const removed = await transaction((tx) => removeCatalogValue(tx, actor, input));
    refreshLists();
    // The row and its button are gone: the page itself says what happened.
    return redirectInApp(`/admin/lists?removed=${encodeURIComponent(removed.name)}`);
  },
);
