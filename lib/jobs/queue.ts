import 'server-only';
import PgBoss from 'pg-boss';
import type { DatabaseHandle, Executor } from '../db/handle';
import { queues, type QueueDefinition, type QueueName } from './queues';
import { bossDb } from './sql-adapter';

export const jobSchema = 'pgboss';

function bossFor(handle: DatabaseHandle, options: { supervise: boolean }): PgBoss {
  return new PgBoss({
    db: bossDb(handle.db, handle.runScript),
    schema: jobSchema,
    supervise: options.supervise,
    schedule: false,
    migrate: true,
  });
}

function queueOptions(queue: QueueDefinition) {
  return {
    name: queue.name,
    policy: queue.policy ?? 'standard',
    retryLimit: queue.retryLimit,
    retryDelay: queue.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: queue.expireInSeconds,
  };
}

/**
 * Creates or migrates pg-boss's tables and the app's queues (or `definitions`, e.g. a test's own);
 * part of migrating the database.
 */
export async function installJobQueues(
  handle: DatabaseHandle,
  definitions: readonly QueueDefinition[] = Object.values(queues),
): Promise<void> {
  const boss = bossFor(handle, { supervise: false });
  await boss.start();
  try {
    for (const queue of definitions) {
      const existing = await boss.getQueue(queue.name);
      if (existing) await boss.updateQueue(queue.name, queueOptions(queue));
      else await boss.createQueue(queue.name, queueOptions(queue));
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

// pg-boss's send needs an instance, not a started one: the job row is written through `executor`.
const senderKey = Symbol.for('it-assets-manager.job-sender');
type SenderHolder = { [senderKey]?: PgBoss };

function sender(): PgBoss {
  const holder = globalThis as SenderHolder;
  holder[senderKey] ??= new PgBoss({
    db: { executeSql: () => Promise.reject(new Error('jobs are sent through a transaction')) },
    schema: jobSchema,
  });
  return holder[senderKey];
}

/**
 * Queues a job in the caller's transaction: it exists exactly when the change that asked for it
 * commits. Workers pick it up after the commit.
 */
export async function enqueueJob(
  executor: Executor,
  queue: QueueName,
  data: object,
  options: { singletonKey?: string; startAfterSeconds?: number } = {},
): Promise<string | null> {
  return sender().send(queue, data, {
    db: bossDb(executor),
    singletonKey: options.singletonKey,
    // As a time, not a number: pg-boss passes a number to SQL that expects text.
    startAfter:
      options.startAfterSeconds === undefined ? undefined : new Date(Date.now() + options.startAfterSeconds * 1000),
  });
}

/** Puts failed jobs of a queue back in line (one more attempt each), in the caller's transaction. */
export async function retryFailedJobs(executor: Executor, queue: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  // pg-boss 10's types say void; it resolves with what it changed.
  const result: unknown = await sender().retry(queue, ids, { db: bossDb(executor) });
  return (result as { affected: number }).affected;
}
