'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { staffRoles } from '@/lib/actor';
import { serverAction } from '@/lib/boundary/server-action';
import { applyBulkChange } from '@/lib/bulk/apply';
import { previewBulkChange } from '@/lib/bulk/preview';
import { selectedIds } from '@/lib/bulk/targets';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { singleLineText } from '@/lib/validation';
import { scopeWords, selectionOf } from './selection';

const previewInput = z.looseObject({
  target: z.enum(['asset', 'ticket']),
  action: singleLineText().max(60),
  scope: z.enum(['selected', 'all']),
  ids: z.string().max(100_000).default(''),
  filters: z.string().max(4000).default(''),
});

/** Stores the preview (every item judged, with its version) and shows it; nothing changes yet. */
export const previewBulkChangeAction = serverAction(
  { input: previewInput, roles: staffRoles },
  async ({ actor, input, transaction }) => {
    const { target, action, scope, ids, filters, ...params } = input;
    const selection = selectionOf(target, scope, ids.split(',').filter(Boolean), filters);
    const id = await transaction(async (tx) => {
      const count = (await selectedIds(tx, actor, selection)).length;
      const noun = target === 'asset' ? 'assets' : 'tickets';
      return previewBulkChange(tx, actor, {
        action,
        params,
        selection,
        scope: scopeWords(noun, scope, count, filters),
      });
    });
    return redirectInApp(`/bulk/${id}`);
  },
);

/** Applies a preview: in this request when small, else as a job whose progress the result page shows. */
export const applyBulkChangeAction = serverAction(
  { input: z.object({ id: z.uuid('No such bulk change.') }), roles: staffRoles },
  async ({ actor, input, db }) => {
    await applyBulkChange(db, actor, input.id);
    revalidatePath('/assets');
    revalidatePath('/tickets');
    return redirectInApp(`/bulk/${input.id}`);
  },
);
