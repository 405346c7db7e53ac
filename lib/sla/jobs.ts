import 'server-only';
import { getDb, type Database } from '../db/client';
import { enqueueJob } from '../jobs/queue';
import { describeError, log } from '../log';
import { recomputeTicketBatch } from './ticket-sla';
import { runSlaCheck } from './warnings';

// The SLA's background work. Like mail polling, every process's timer queues an 'sla-check' each
// minute and the queue's 'stately' policy keeps one queued and one running across the cluster.

const checkIntervalMs = 60_000;
const recomputeBatch = 500;

export async function runSlaCheckJob(): Promise<void> {
  const recorded = await runSlaCheck(await getDb());
  if (recorded > 0) log.info('sla.warnings_recorded', { warnings: recorded });
}

/** The 'sla-recompute' job: every unsettled ticket, a batch per transaction, after a calendar or policy change. */
export async function runSlaRecomputeJob(): Promise<void> {
  const db = await getDb();
  let afterId: string | undefined;
  for (;;) {
    const last = await db.transaction((tx) => recomputeTicketBatch(tx, { afterId, limit: recomputeBatch }));
    if (!last) return;
    afterId = last;
  }
}

export function startSlaChecks(getDatabase: () => Promise<Database> = getDb): () => void {
  const enqueue = async () => {
    try {
      await enqueueJob(await getDatabase(), 'sla-check', {});
    } catch (error) {
      log.warn('sla.enqueue_failed', describeError(error));
    }
  };
  const first = setTimeout(() => void enqueue(), 5_000);
  const timer = setInterval(() => void enqueue(), checkIntervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
