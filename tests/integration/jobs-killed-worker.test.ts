import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { after, test } from 'node:test';
import { closeDatabase, getDb } from '../../lib/db/client';
import { startJobWorkers, type JobWorkers } from '../../lib/jobs/worker';
import { enqueueTestJob, installTestQueues, recorded, storedJob, testQueue, waitUntil } from '../support/job-queues';
import { useTestDatabase } from '../support/test-database';

// A worker process killed mid-job (SIGKILL: no shutdown, no "fail" written) must leave its job to
// be retried by another worker once the job's expiry passes, never lost. On PGlite only one
// process may hold the database, so this process closes it while the child works and reopens it
// after the kill (a restart after a crash); on PostgreSQL it stays open throughout.
const database = await useTestDatabase();
const expireInSeconds = 2;
const queue = testQueue('test-killed', { retryLimit: 2, expireInSeconds });
await installTestQueues([queue]);
const childScript = path.join(import.meta.dirname, '..', 'support', 'take-job-and-die.ts');
let child: ChildProcess | undefined;
let workers: JobWorkers | undefined;
after(async () => {
  child?.kill('SIGKILL');
  await workers?.stop();
});

function startChild(): Promise<string> {
  child = spawn(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', childScript, queue.name, String(expireInSeconds)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      const started = /started (\S+)/.exec(chunk.toString());
      if (started) resolve(started[1]);
    });
    child!.once('exit', (code) => reject(new Error(`the worker process exited early with code ${code}`)));
  });
}

async function kill(process: ChildProcess): Promise<void> {
  await new Promise<void>((resolve) => {
    process.once('exit', () => resolve());
    process.kill('SIGKILL');
  });
}

test('a job whose worker process was killed mid-job is retried by another worker after its expiry', async () => {
  const id = (await database.db.transaction((tx) => enqueueTestJob(tx, queue, { ticket: 42 })))!;
  if (database.kind === 'pglite') await closeDatabase();

  const startedId = await startChild();
  assert.equal(startedId, id);
  await kill(child!);
  child = undefined;

  const db = await getDb();
  const orphaned = await storedJob(db, id);
  assert.equal(orphaned?.state, 'active');

  const runs: { data: unknown; retryCount: number }[] = [];
  workers = await startJobWorkers({
    queues: [queue],
    handlers: { [queue.name]: (data, job) => recorded(runs, { data, retryCount: job.retryCount }) },
    pollingIntervalSeconds: 0.5,
    maintenanceIntervalSeconds: 1,
  });
  await waitUntil('the orphaned job completes', async () => (await storedJob(db, id))?.state === 'completed');
  await workers.stop();
  workers = undefined;
  assert.deepEqual(runs, [{ data: { ticket: 42 }, retryCount: 1 }]);
});
