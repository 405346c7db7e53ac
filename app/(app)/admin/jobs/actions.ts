'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { adminRoles } from '@/lib/actor';
import { serverAction } from '@/lib/boundary/server-action';
import { retryAllFailedJobs, retryFailedJob } from '@/lib/jobs/admin-mutations';
import { singleLineText } from '@/lib/validation';

// Admin-only: a retry and its audit row commit in one transaction; workers pick the job up after.

const queueName = singleLineText().min(1).max(50);

export const retryJobAction = serverAction(
  { input: z.object({ queue: queueName, jobId: z.uuid('Unknown job.') }), roles: adminRoles },
  async ({ actor, input, transaction }) => {
    await transaction((tx) => retryFailedJob(tx, actor, input));
    revalidatePath('/admin/jobs');
    return { status: 'success', message: 'Queued again.' };
  },
);

export const retryAllFailedAction = serverAction(
  { input: z.object({ queue: queueName }), roles: adminRoles },
  async ({ actor, input, transaction }) => {
    const retried = await transaction((tx) => retryAllFailedJobs(tx, actor, input));
    revalidatePath('/admin/jobs');
    return { status: 'success', message: `${retried} job${retried === 1 ? '' : 's'} of ${input.queue} queued again.` };
  },
);
