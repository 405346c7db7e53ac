import 'server-only';
import PgBoss from 'pg-boss';
import { getDatabaseHandle, type DatabaseHandle } from '../db/client';
import { changesCommitted } from '../kept-results';
import { describeError, log } from '../log';
import { jobHandlers, type JobHandler } from './handlers';
import { jobSchema } from './queue';
import { queues as appQueues, type QueueDefinition } from './queues';
import { bossDb } from './sql-adapter';

export type JobWorkers = {
  /** Takes no new job; waits up to `timeoutMs` for running ones, then leaves them to expire and be retried. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
};

type WorkerOptions = {
  handle?: DatabaseHandle;
  queues?: readonly QueueDefinition[];
  handlers?: Record<string, JobHandler>;
  pollingIntervalSeconds?: number;
  /** How often pg-boss expires jobs whose worker died (once per interval across every process). */
  maintenanceIntervalSeconds?: number;
};

type FetchedJob = { id: string; data: unknown; retryCount: number; expireInSeconds: number };

const defaultStopTimeoutMs = 8_000;
// A failed job stays in pgboss.job (where admins see and retry it) this long before it is archived.
const keepFailedJobsSeconds = 14 * 24 * 3600;

/** A wait that `wake` ends early; its timer never keeps the process alive by itself. */
function idleWait(ms: number): { done: Promise<void>; wake: () => void } {
  let wake = () => {};
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { done, wake };
}

// A handler past its expiry counts as failed here too, so this queue's loop moves on; pg-boss's
// maintenance has (or will have) made the job retryable meanwhile.
async function withinExpiry(work: Promise<void>, seconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the job ran longer than its ${seconds} s expiry`)), seconds * 1000);
    timer.unref();
  });
  try {
    await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

async function runJob(boss: PgBoss, queue: QueueDefinition, handler: JobHandler, job: FetchedJob): Promise<void> {
  const attempt = { queue: queue.name, jobId: job.id, attempt: job.retryCount + 1 };
  let failure: Record<string, unknown> | null = null;
  try {
    await withinExpiry(handler(job.data, { id: job.id, retryCount: job.retryCount }), job.expireInSeconds);
    // A bulk change or a mail turned into a ticket shows at once on this process's pages.
    changesCommitted();
  } catch (error) {
    failure = describeError(error);
    log.error('job.failed', { ...attempt, willRetry: job.retryCount < queue.retryLimit, ...failure });
  }
  try {
    // Something thrown that is not an Error has no message: its description stands in.
    if (failure) await boss.fail(queue.name, job.id, { ...failure, message: failure.message ?? failure.error });
    else await boss.complete(queue.name, job.id);
  } catch (error) {
    // The job stays active: it expires and is retried, never lost.
    log.error('job.outcome_not_saved', { ...attempt, ...describeError(error) });
  }
}

/**
 * Starts this process's job workers: one loop per queue taking one job at a time, and pg-boss's
 * maintenance (expiring jobs whose worker died, archiving old ones). Every server process runs
 * them; pg-boss's `FOR UPDATE SKIP LOCKED` fetch hands each job to one of them.
 */
export async function startJobWorkers(options: WorkerOptions = {}): Promise<JobWorkers> {
  const handle = options.handle ?? (await getDatabaseHandle());
  const definitions = options.queues ?? Object.values(appQueues);
  const handlers: Record<string, JobHandler> = options.handlers ?? jobHandlers;
  const pollingMs = (options.pollingIntervalSeconds ?? 2) * 1000;
  const missing = definitions.filter((queue) => !handlers[queue.name]).map((queue) => queue.name);
  if (missing.length > 0) throw new Error(`No job handler for the queue(s) ${missing.join(', ')}`);
  const boss = new PgBoss({
    db: bossDb(handle.db, handle.runScript),
    schema: jobSchema,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    schedule: false,
    migrate: false,
    archiveFailedAfterSeconds: keepFailedJobsSeconds,
  });
  // An 'error' event nobody listens to would end the process: maintenance errors are logged instead.
  boss.on('error', (error: unknown) => log.error('job.maintenance_failed', describeError(error)));
  await boss.start();

  let stopping = false;
  const waits = new Set<() => void>();

  // pg-boss's own work() is not used: it completes and fails jobs without awaiting them, so a
  // database error there is an unhandled rejection that ends the process, and stop() can return
  // before the outcome is written. This loop awaits both and stores only a described error.
  const loop = async (queue: QueueDefinition) => {
    const handler = handlers[queue.name];
    while (!stopping) {
      let job: FetchedJob | undefined;
      try {
        [job] = (await boss.fetch(queue.name, { batchSize: 1, includeMetadata: true })) as FetchedJob[];
      } catch (error) {
        log.error('job.fetch_failed', { queue: queue.name, ...describeError(error) });
      }
      if (job) {
        await runJob(boss, queue, handler, job);
        continue;
      }
      const wait = idleWait(pollingMs);
      waits.add(wait.wake);
      await wait.done;
      waits.delete(wait.wake);
    }
  };
  const loops = Promise.all(definitions.map(loop));

  return {
    async stop({ timeoutMs = defaultStopTimeoutMs } = {}) {
      if (stopping) return;
      stopping = true;
      for (const wake of waits) wake();
      const gaveUp = idleWait(timeoutMs);
      await Promise.race([loops.then(gaveUp.wake), gaveUp.done]);
      await boss.stop({ graceful: false, wait: true });
    },
  };
}
