import 'server-only';
import { sql } from 'drizzle-orm';
import type { AppConfig } from '../config';
import type { Database } from '../db/client';
import { queryRows } from '../db/rows';
import { describeError, log } from '../log';

const batchSize = 1000;
// Rest between batches, as a multiple of the time the batch took, so a backlog never crowds out requests.
const restPerBatchTime = 9;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// Any fixed number; every process of the app must use the same one.
const pruneLockKey = 7_461_002;

/**
 * Deletes sessions that can never be used again, and login failures older than the window, in
 * small batches so that a large backlog never holds long locks. On PostgreSQL an advisory lock
 * lets one process at a time do it, however many run.
 */
export async function pruneExpiredSessions(
  db: Database,
  config: AppConfig,
): Promise<{ sessions: number; attempts: number } | null> {
  let sessionsDeleted = 0;
  // One short transaction per batch, each holding the advisory lock only while it runs. Between
  // batches it rests nine times as long as the batch took: the database spends a tenth of a core on
  // a backlog, in bursts of a few milliseconds, and requests served beside it barely notice. A
  // million expired rows take a minute or two to clear, once; the job runs every hour.
  for (;;) {
    const batchStarted = performance.now();
    const deleted = await db.transaction(async (tx) => {
      const [lock] = await queryRows<{ locked: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${pruneLockKey}) as locked`,
      );
      if (!lock?.locked) return null;
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`delete from sessions where id in (
              select id from sessions
              where expires_at < now() or idle_expires_at < now() or revoked_at < now() - interval '1 day'
              limit ${batchSize}
            ) returning id`,
      );
      return rows.length;
    });
    if (deleted === null) return sessionsDeleted ? { sessions: sessionsDeleted, attempts: 0 } : null;
    sessionsDeleted += deleted;
    if (deleted < batchSize) break;
    await pause(restPerBatchTime * (performance.now() - batchStarted));
  }
  const attempts = await queryRows<{ id: number }>(
    db,
    sql`delete from login_attempts where attempted_at < now() - make_interval(secs => ${config.loginLimits.windowSeconds}) returning id`,
  );
  return { sessions: sessionsDeleted, attempts: attempts.length };
}

export function startSessionPruning(getDatabase: () => Promise<Database>, config: AppConfig): () => void {
  const run = async () => {
    try {
      const result = await pruneExpiredSessions(await getDatabase(), config);
      if (result && (result.sessions || result.attempts)) log.info('sessions.pruned', result);
    } catch (error) {
      log.warn('sessions.prune_failed', describeError(error));
    }
  };
  const first = setTimeout(() => void run(), 5_000);
  const timer = setInterval(() => void run(), config.session.pruneIntervalSeconds * 1000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
