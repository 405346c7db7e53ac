'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { staffRoles } from '@/lib/actor';
import { serverAction } from '@/lib/boundary/server-action';
import { redirectInApp } from '@/lib/http/redirect-in-app';
import { createArticle, markArticleSolved, updateArticle } from '@/lib/kb/mutations';
import { articleChangeSchema, newArticleSchema } from '@/lib/kb/schemas';

// Each action: the boundary parses the form and signs the actor in, then lib/kb checks who may,
// changes and audits in one transaction. Writing is for staff; anyone may say an article helped.

const articleId = z.uuid('Unknown article.');
const blankAsUndefined = (text: unknown) => (text === '' ? undefined : text);

export const createArticleAction = serverAction(
  {
    input: newArticleSchema.extend({
      sourceTicketId: z.preprocess(blankAsUndefined, z.uuid('Unknown ticket.').optional()),
    }),
    roles: staffRoles,
  },
  async ({ actor, input, transaction }) => {
    const article = await transaction((tx) => createArticle(tx, actor, input));
    revalidatePath('/kb');
    await redirectInApp(`/kb/${article.id}?created=1`);
  },
);

export const updateArticleAction = serverAction(
  { input: articleChangeSchema.extend({ articleId }), roles: staffRoles },
  async ({ actor, input, transaction }) => {
    const saved = await transaction((tx) => updateArticle(tx, actor, input));
    revalidatePath('/kb');
    revalidatePath(`/kb/${input.articleId}`);
    if (!saved.changed) return { status: 'success', message: 'Nothing changed.' };
    await redirectInApp(`/kb/${input.articleId}?saved=1`);
  },
);

export const markArticleSolvedAction = serverAction(
  { input: z.object({ articleId }) },
  async ({ actor, input, transaction }) => {
    const result = await transaction((tx) => markArticleSolved(tx, actor, input));
    revalidatePath(`/kb/${input.articleId}`);
    return {
      status: 'success',
      message: result.counted ? 'Glad it helped: counted.' : 'You already said this solved it.',
    };
  },
);
