import 'server-only';
import { sql } from 'drizzle-orm';
import { isAdmin, type Actor } from '../actor';
import { auditFor } from '../audit/record';
import type { Transaction } from '../db/client';
import { queryRows } from '../db/rows';
import { AppError } from '../errors';
import { jobSchema, retryFailedJobs } from './queue';

const auditJob = auditFor<{ queue: string }>('job', (job) => ({ queue: job.queue }));
const auditQueue = auditFor<{ id: string }>('job_queue', () => ({}));

// Retrying every failed job of a queue at once is bounded, so one click never makes a huge transaction.
const maxRetriedAtOnce = 1000;

function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('forbidden', 'Only admins can retry jobs.');
}

/** Puts one failed job back in line for one more attempt. */
export async function retryFailedJob(tx: Transaction, actor: Actor, input: { queue: string; jobId: string }) {
  requireAdmin(actor);
  const retried = await retryFailedJobs(tx, input.queue, [input.jobId]);
  if (retried === 0) throw new AppError('not_found', 'That job is not failed (any more): reload the page.');
  await auditJob(tx, actor, 'job.retried', { id: input.jobId, queue: input.queue });
}

/** Puts the failed jobs of a queue back in line; says how many. */
export async function retryAllFailedJobs(tx: Transaction, actor: Actor, input: { queue: string }): Promise<number> {
  requireAdmin(actor);
  const failed = await queryRows<{ id: string }>(
    tx,
    sql`select id from ${sql.raw(`${jobSchema}.job`)} where name = ${input.queue} and state = 'failed'
        order by completed_on limit ${maxRetriedAtOnce} for update`,
  );
  const retried = await retryFailedJobs(
    tx,
    input.queue,
    failed.map((job) => job.id),
  );
  if (retried > 0) await auditQueue(tx, actor, 'job.retried_all', { id: input.queue }, { jobs: retried });
  return retried;
}
