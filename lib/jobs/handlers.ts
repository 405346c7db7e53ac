import 'server-only';
import { runBulkChangeJob } from '../bulk/job';
import { sendPasswordResetJob } from '../auth/password-reset-mail';
import { runMailFetchJob } from '../mail/incoming/mail-fetch-job';
import { sendMailJob } from '../mail/outgoing/send-job';
import { runSlaCheckJob, runSlaRecomputeJob } from '../sla/jobs';
import type { QueueName } from './queues';

/** Runs one job; throwing fails it (kept with its error, retried while the queue allows). */
export type JobHandler = (data: unknown, job: { id: string; retryCount: number }) => Promise<void>;

// What each queue's workers run. Every queue in queues.ts has its handler here.
export const jobHandlers: Record<QueueName, JobHandler> = {
  'mail-send': sendMailJob,
  'password-reset': sendPasswordResetJob,
  'mail-fetch': () => runMailFetchJob(),
  'bulk-change': runBulkChangeJob,
  'sla-check': () => runSlaCheckJob(),
  'sla-recompute': () => runSlaRecomputeJob(),
};
