import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { closeDatabase, getDb, openDatabase } from '../../lib/db/client';
import { retryAllFailedJobs, retryFailedJob } from '../../lib/jobs/admin-mutations';
import { jobCountsByQueue, listJobs } from '../../lib/jobs/admin-queries';
import { startJobWorkers, type JobWorkers } from '../../lib/jobs/worker';
import { enqueueTestJob, installTestQueues, recorded, storedJob, testQueue, waitUntil } from '../support/job-queues';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const database = await useTestDatabase();
const running = new Set<JobWorkers>();
after(async () => {
  for (const workers of running) await workers.stop();
});

const once = testQueue('test-once');
const failing = testQueue('test-failing', { retryLimit: 2 });
const many = testQueue('test-many');
const later = testQueue('test-later');
await installTestQueues([once, failing, many, later]);

async function start(options: Parameters<typeof startJobWorkers>[0]): Promise<JobWorkers> {
  const workers = await startJobWorkers({ pollingIntervalSeconds: 0.5, ...options });
  running.add(workers);
  return workers;
}

async function stop(workers: JobWorkers): Promise<void> {
  await workers.stop();
  running.delete(workers);
}

describe('job workers', () => {
  test('a job queued in a transaction that rolls back never runs; a committed one runs exactly once', async () => {
    const runs: string[] = [];
    const workers = await start({
      queues: [once],
      handlers: { [once.name]: (data) => recorded(runs, (data as { label: string }).label) },
    });
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await enqueueTestJob(tx, once, { label: 'rolled back' });
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    const id = await database.db.transaction((tx) => enqueueTestJob(tx, once, { label: 'committed' }));
    assert.ok(id);
    await waitUntil(
      'the committed job completes',
      async () => (await storedJob(database.db, id))?.state === 'completed',
    );
    // A few more polls of the queue: nothing else turns up.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await stop(workers);
    assert.deepEqual(runs, ['committed']);
    const rows = await database.rows<{ count: number }>(
      sql`select count(*)::int as count from pgboss.job where name = ${once.name}`,
    );
    assert.equal(rows[0].count, 1);
  });

  test('a failing job keeps its error, is retried per its queue, ends failed, and an admin retry runs it again', async () => {
    let attempts = 0;
    let mailServerUp = false;
    const workers = await start({
      queues: [failing],
      handlers: {
        [failing.name]: () => {
          attempts += 1;
          return mailServerUp ? Promise.resolve() : Promise.reject(new Error('550 mailbox unavailable'));
        },
      },
    });
    const id = (await database.db.transaction((tx) => enqueueTestJob(tx, failing, { n: 1 })))!;
    await waitUntil('the job ends failed', async () => (await storedJob(database.db, id))?.state === 'failed');
    const failed = (await storedJob(database.db, id))!;
    assert.equal(attempts, failing.retryLimit + 1);
    assert.equal(failed.retry_count, failing.retryLimit);
    assert.equal(failed.message, '550 mailbox unavailable');

    const counts = (await jobCountsByQueue(database.db)).find((entry) => entry.queue === failing.name);
    assert.deepEqual(counts?.counts, { failed: 1 });
    const listed = (await listJobs(database.db, 'failed', { page: 1, pageSize: 25 })).items.find(
      (job) => job.id === id,
    );
    assert.equal(listed?.error, '550 mailbox unavailable');
    assert.equal(listed?.attempts, failing.retryLimit + 1);

    const admin = await createTestUser(database.db, { role: 'admin' });
    const agent = await createTestUser(database.db, { role: 'agent' });
    await assert.rejects(
      database.db.transaction((tx) => retryFailedJob(tx, actorFor(agent), { queue: failing.name, jobId: id })),
      { code: 'forbidden' },
    );
    mailServerUp = true;
    await database.db.transaction((tx) => retryFailedJob(tx, actorFor(admin), { queue: failing.name, jobId: id }));
    await waitUntil('the retried job completes', async () => (await storedJob(database.db, id))?.state === 'completed');
    await stop(workers);
    assert.equal(attempts, failing.retryLimit + 2);
    const audit = await database.rows<{ action: string; target_id: string }>(
      sql`select action, target_id from audit_log where action = 'job.retried'`,
    );
    assert.deepEqual(
      audit.map((row) => ({ ...row })),
      [{ action: 'job.retried', target_id: id }],
    );
    await assert.rejects(
      database.db.transaction((tx) => retryFailedJob(tx, actorFor(admin), { queue: failing.name, jobId: id })),
      { code: 'not_found' },
    );
  });

  test('a failed query in a handler is stored described, without its SQL parameters', async () => {
    const leaky = testQueue('test-leaky');
    await installTestQueues([leaky]);
    const workers = await start({
      queues: [leaky],
      handlers: {
        [leaky.name]: async () => {
          await (await getDb()).execute(sql`select ${'secret-value'}::int`);
        },
      },
    });
    const id = (await database.db.transaction((tx) => enqueueTestJob(tx, leaky, {})))!;
    await waitUntil('the job ends failed', async () => (await storedJob(database.db, id))?.state === 'failed');
    await stop(workers);
    const [output] = await database.rows<{ output: string }>(
      sql`select output::text as output from pgboss.job where id = ${id}`,
    );
    assert.doesNotMatch(output.output, /secret-value|select/i);
    assert.match(output.output, /database refused/);

    // "Retry all failed" of that queue puts it back in line (no worker runs now), audited once.
    const admin = await createTestUser(database.db, { role: 'admin' });
    const retried = await database.db.transaction((tx) =>
      retryAllFailedJobs(tx, actorFor(admin), { queue: leaky.name }),
    );
    assert.equal(retried, 1);
    assert.equal((await storedJob(database.db, id))?.state, 'retry');
    const audit = await database.rows<{ target_id: string; details: { jobs: number } }>(
      sql`select target_id, details from audit_log where action = 'job.retried_all'`,
    );
    assert.deepEqual(
      audit.map((row) => [row.target_id, row.details.jobs]),
      [[leaky.name, 1]],
    );
  });

  test('with two workers (two database handles on PostgreSQL) every job runs exactly once', async () => {
    const total = 120;
    const runs = new Map<number, number>();
    const handler = async (data: unknown) => {
      const n = (data as { n: number }).n;
      runs.set(n, (runs.get(n) ?? 0) + 1);
      await new Promise((resolve) => setImmediate(resolve));
    };
    await database.db.transaction(async (tx) => {
      for (let n = 0; n < total; n++) await enqueueTestJob(tx, many, { n });
    });
    const second =
      database.kind === 'postgres' ? await openDatabase(database.config.database, { migrate: false }) : undefined;
    try {
      const first = await start({ queues: [many], handlers: { [many.name]: handler } });
      const other = await start({ queues: [many], handlers: { [many.name]: handler }, handle: second });
      await waitUntil(`all ${total} jobs complete`, async () => {
        const [row] = await database.rows<{ count: number }>(
          sql`select count(*)::int as count from pgboss.job where name = ${many.name} and state = 'completed'`,
        );
        return row.count === total;
      });
      await Promise.all([stop(first), stop(other)]);
    } finally {
      await second?.close();
    }
    assert.equal(runs.size, total);
    assert.deepEqual(
      [...runs].filter(([, count]) => count !== 1),
      [],
    );
  });

  test('stopping lets a running job finish and record its outcome, and takes no new job', async () => {
    const slow = testQueue('test-slow');
    await installTestQueues([slow]);
    let release = () => {};
    let started = () => {};
    const running = new Promise<void>((resolve) => (started = resolve));
    const runs: unknown[] = [];
    const workers = await start({
      queues: [slow],
      handlers: {
        [slow.name]: (data) => {
          runs.push(data);
          started();
          return new Promise<void>((resolve) => (release = resolve));
        },
      },
    });
    // Two jobs of one transaction share its time: either may be taken first.
    const ids = await database.db.transaction(async (tx) => [
      (await enqueueTestJob(tx, slow, { n: 0 }))!,
      (await enqueueTestJob(tx, slow, { n: 1 }))!,
    ]);
    await running;
    const stopped = stop(workers);
    release();
    await stopped;
    assert.equal(runs.length, 1);
    const taken = (runs[0] as { n: number }).n;
    assert.equal((await storedJob(database.db, ids[taken]))?.state, 'completed');
    assert.equal((await storedJob(database.db, ids[1 - taken]))?.state, 'created');
  });

  test('a queued job survives a restart: the database closes, reopens, and a worker runs it', async () => {
    const runs: unknown[] = [];
    const id = (await database.db.transaction((tx) => enqueueTestJob(tx, later, { ticket: 7 })))!;
    await closeDatabase();
    const db = await getDb();
    assert.equal((await storedJob(db, id))?.state, 'created');
    const workers = await start({ queues: [later], handlers: { [later.name]: (data) => recorded(runs, data) } });
    await waitUntil('the job runs after the restart', async () => (await storedJob(db, id))?.state === 'completed');
    await stop(workers);
    assert.deepEqual(runs, [{ ticket: 7 }]);
  });
});
