'use server';

import { revalidatePath } from 'next/cache';
import { adminRoles } from '@/lib/actor';
import { serverAction } from '@/lib/boundary/server-action';
import {
  addCustomField,
  newCustomFieldSchema,
  removeCustomField,
  removeCustomFieldSchema,
} from '@/lib/custom-fields/admin';
import { redirectInApp } from '@/lib/http/redirect-in-app';

// Admin-only: a field's removal, the values it takes off assets and their audit rows commit together.

function refresh() {
  revalidatePath('/admin/fields');
  revalidatePath('/assets', 'layout');
}

export const addCustomFieldAction = serverAction(
  { input: newCustomFieldSchema, roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const added = await transaction((tx) => addCustomField(tx, actor, input));
    refresh();
    return { status: 'success', message: `Added “${added.name}”.`, values: {} };
  },
);

export const removeCustomFieldAction = serverAction(
  { input: removeCustomFieldSchema, roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const removed = await transaction((tx) => removeCustomField(tx, actor, input));
    refresh();
    return redirectInApp(`/admin/fields?removed=${encodeURIComponent(removed.name)}&assets=${removed.assets}`);
  },
);
