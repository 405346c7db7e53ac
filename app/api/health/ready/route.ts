import { sql } from 'drizzle-orm';
import { setDatabaseAvailable } from '@/lib/db/availability';
import { getDatabaseHandle } from '@/lib/db/client';
import { migrationStatus } from '@/lib/db/migration-status';
import { jsonOk } from '@/lib/http/json';
import { describeError, log } from '@/lib/log';
import { otherMethods } from '@/lib/boundary/route';
import { describeHandler } from '@/lib/boundary/route-descriptions';

// Readiness: the database answers and its migrations are current. 503 names the failed check;
// details of the failure go to the log, never into the response.
const checkTimeoutMs = 3000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), checkTimeoutMs)),
  ]);
}

const respond = (status: number, body: object) => jsonOk(body, { status });

export async function GET() {
  let kind: string | undefined;
  try {
    const handle = await withTimeout(getDatabaseHandle());
    kind = handle.kind;
    await withTimeout(handle.db.execute(sql`select 1`));
    if (setDatabaseAvailable(true)) log.info('database.available');
    const migrations = await withTimeout(migrationStatus(handle.db));
    if (!migrations.current) {
      return respond(503, {
        status: 'unavailable',
        failed: 'migrations',
        message: `Migrations not applied: ${migrations.pending.join(', ')}.`,
      });
    }
    return respond(200, { status: 'ready', database: kind, migrations: migrations.expected.length });
  } catch (error) {
    // Tell middleware at once (either way) rather than at the probe's next round.
    if (kind === 'postgres' && setDatabaseAvailable(false))
      log.error('database.unavailable', { message: describeError(error).message });
    log.warn('health.not_ready', describeError(error));
    return respond(503, { status: 'unavailable', failed: 'database', message: 'The database cannot be reached.' });
  }
}

describeHandler(GET, {
  access: 'public',
  note: 'Readiness: 200 when the database answers and its migrations are current, else 503.',
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
