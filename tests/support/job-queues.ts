import 'server-only';
import { sql } from 'drizzle-orm';
import { getDatabaseHandle, type Executor } from '../../lib/db/client';
import { queryRows } from '../../lib/db/rows';
import { enqueueJob, installJobQueues } from '../../lib/jobs/queue';
import type { QueueDefinition, QueueName } from '../../lib/jobs/queues';
import { sleep } from './test-database';

/** A queue of a test's own: short retries, so a failing job ends failed within seconds. */
export function testQueue(name: string, options: Partial<QueueDefinition> = {}): QueueDefinition {
  return { name, retryLimit: 0, retryDelaySeconds: 1, expireInSeconds: 30, ...options };
}

/** Creates the test's queues the way migrating the database creates the app's. */
export async function installTestQueues(definitions: QueueDefinition[]): Promise<void> {
  await installJobQueues(await getDatabaseHandle(), definitions);
}

/** enqueueJob for a test queue (the app's QueueName lists only the app's own queues). */
export function enqueueTestJob(executor: Executor, queue: QueueDefinition, data: object) {
  return enqueueJob(executor, queue.name as QueueName, data);
}

export type StoredJob = { id: string; state: string; retry_count: number; message: string | null };

export async function storedJob(executor: Executor, id: string): Promise<StoredJob | undefined> {
  const [job] = await queryRows<StoredJob>(
    executor,
    sql`select id, state::text as state, retry_count, output->>'message' as message from pgboss.job where id = ${id}`,
  );
  return job;
}

/** Polls until `check` holds; fails with `what` after a generous bound (a hang, not a speed test). */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, boundMs = 30_000) {
  const deadline = Date.now() + boundMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what}`);
    await sleep(100);
  }
}

/** A handler's body that notes what it ran. */
export function recorded<Item>(runs: Item[], item: Item): Promise<void> {
  runs.push(item);
  return Promise.resolve();
}
