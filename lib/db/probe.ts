import 'server-only';
import { sql } from 'drizzle-orm';
import { describeError, log } from '../log';
import { isDatabaseAvailable, setDatabaseAvailable } from './availability';
import type { DatabaseHandle } from './handle';
import { createProbeVerdict } from './probe-verdict';

const intervalMs = 2000;
const timeoutMs = 1500;

/**
 * Asks PostgreSQL `select 1` every 2 s. While it is judged down (probe-verdict.ts), middleware
 * answers 503 (nobody is let in, nothing half-renders); when it answers again, service resumes by
 * itself without a restart. The embedded database lives in this process, so it is never probed.
 */
export function startDatabaseProbe(handle: DatabaseHandle): () => void {
  if (handle.kind !== 'postgres') return () => {};
  let running = false;
  const verdict = createProbeVerdict();
  const probe = async () => {
    if (running) return;
    running = true;
    try {
      await Promise.race([
        handle.db.execute(sql`select 1`),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
      ]);
      if (setDatabaseAvailable(verdict({ ok: true }))) log.info('database.available');
    } catch (error) {
      const available = verdict({ ok: false, error });
      if (available && isDatabaseAvailable())
        log.warn('database.probe_slow', { message: describeError(error).message });
      if (setDatabaseAvailable(available)) log.error('database.unavailable', { message: describeError(error).message });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void probe(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
