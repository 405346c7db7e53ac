import 'server-only';
import type { AppConfig } from '../../config';
import { getConfig } from '../../config';
import { getDb, type Database } from '../../db/client';
import { enqueueJob } from '../../jobs/queue';
import { describeError, log } from '../../log';
import { fetchMail } from './fetch-mail';

// One reader at a time across a cluster: every process's timer queues a 'mail-fetch' job each
// poll interval, and the queue's 'stately' policy keeps at most one queued and one running, so
// the mailbox is read by exactly one worker while the others' timers add nothing.

/** The longest a job waits on IDLE; the queue's expiry allows for it and the work before it. */
export const maxIdleSeconds = 2 * 60;

const stopSignals = ['SIGTERM', 'SIGINT'] as const;

function idleMsFor(config: AppConfig): number {
  return Math.min(config.mail.pollIntervalSeconds, maxIdleSeconds) * 1000;
}

/** The 'mail-fetch' job: reads the mailbox, then waits on IDLE for up to one poll interval. */
export async function runMailFetchJob(): Promise<void> {
  const config = getConfig();
  if (!config.mail.imapUrl) return;
  // A server asked to stop ends the wait at once, so its job completes rather than expiring. Only
  // where the process handles the signal already: a listener here must not stop it from exiting.
  const stopping = new AbortController();
  const stop = () => stopping.abort();
  for (const signal of stopSignals) if (process.listenerCount(signal) > 0) process.once(signal, stop);
  let results;
  try {
    results = await fetchMail(await getDb(), config, { idleMs: idleMsFor(config), signal: stopping.signal });
  } finally {
    for (const signal of stopSignals) process.off(signal, stop);
  }
  if (results.length === 0) return;
  const outcomes: Record<string, number> = {};
  for (const result of results) outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
  log.info('mail.in.fetched', { mails: results.length, outcomes });
}

/** Queues a 'mail-fetch' job now and every MAIL_POLL_INTERVAL; nothing when IMAP_URL is unset. */
export function startMailPolling(getDatabase: () => Promise<Database> = getDb, config = getConfig()): () => void {
  if (!config.mail.imapUrl) return () => {};
  const enqueue = async () => {
    try {
      await enqueueJob(await getDatabase(), 'mail-fetch', {});
    } catch (error) {
      log.warn('mail.in.enqueue_failed', describeError(error));
    }
  };
  const first = setTimeout(() => void enqueue(), 2_000);
  const timer = setInterval(() => void enqueue(), config.mail.pollIntervalSeconds * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
