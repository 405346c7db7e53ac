import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, describe, test } from 'node:test';
import bcrypt from 'bcryptjs';
import { PasswordPool, passwordPool } from '../../lib/auth/password-pool';
import { AppError } from '../../lib/errors';

// Stand-in workers for the pool's own behaviour: they answer at once, or crash when told to.
const fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-password-pool-test-'));
after(() => fs.rmSync(fixtureDir, { recursive: true, force: true }));

function fixtureWorker(name: string, source: string): string {
  const file = path.join(fixtureDir, name);
  fs.writeFileSync(file, source);
  return file;
}

const echoOrCrashWorker = fixtureWorker(
  'echo-or-crash.mjs',
  `import { parentPort } from 'node:worker_threads';
parentPort.on('message', (job) => {
  if (job.password === 'crash') throw new Error('worker crashed on purpose');
  parentPort.postMessage({ value: 'echo:' + job.password });
});`,
);

describe('password hashing in the worker pool', () => {
  test('a cost-12 hash leaves the main thread free: the event loop keeps ticking', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const before = performance.eventLoopUtilization();
    const hash = await passwordPool().hash('correct horse battery', 12);
    const busy = performance.eventLoopUtilization(before);
    clearInterval(ticker);

    // On the main thread bcryptjs keeps the loop busy throughout (utilisation near 1).
    assert.ok(busy.utilization < 0.5, `main thread was busy ${(busy.utilization * 100).toFixed(0)}% of the hash`);
    assert.ok(ticks >= 5, `the interval fired only ${ticks} times during the hash`);
    assert.match(hash, /^\$2[ab]\$12\$/);
    assert.equal(bcrypt.compareSync('correct horse battery', hash), true);
  });

  test(
    'hashing threads run at a lower priority than the main thread',
    { skip: process.platform !== 'linux' },
    async () => {
      await passwordPool().hash('start a worker', 4);
      const running = passwordPool().hash('priority check', 12);
      const niceValues = fs.readdirSync('/proc/self/task').map((thread) => {
        const fields = fs.readFileSync(`/proc/self/task/${thread}/stat`, 'utf8').split(') ')[1].split(' ');
        return Number(fields[16]); // field 19 of proc(5) "stat": nice
      });
      await running;
      assert.equal(os.getPriority(), 0);
      assert.ok(niceValues.includes(10), `thread nice values: ${niceValues.join(', ')}`);
    },
  );

  test('compare agrees with bcryptjs: right password true, wrong password false', async () => {
    const hash = bcrypt.hashSync('the right one', 4);
    assert.equal(await passwordPool().compare('the right one', hash), true);
    assert.equal(await passwordPool().compare('the wrong one', hash), false);
  });

  test('an error from bcrypt (a malformed hash) fails the call, and the pool carries on', async () => {
    await assert.rejects(passwordPool().compare('anything', '$2b$04$' + '!'.repeat(53)), /Illegal salt/);
    assert.equal(await passwordPool().compare('still', bcrypt.hashSync('still', 4)), true);
  });

  test('more jobs than workers queue up and all finish', async () => {
    const passwords = Array.from({ length: 6 }, (_, index) => `password-${index}`);
    const hashes = await Promise.all(passwords.map((password) => passwordPool().hash(password, 4)));
    hashes.forEach((hash, index) => assert.equal(bcrypt.compareSync(passwords[index], hash), true));
  });
});

describe('password pool resilience', () => {
  test('a crashed worker fails only its own job, and a replacement serves the queue', async () => {
    const pool = new PasswordPool({ workerFile: echoOrCrashWorker, size: 1, maxQueued: 10 });
    const crashed = pool.hash('crash', 4);
    const queued = pool.hash('after the crash', 4);
    await assert.rejects(crashed, /worker crashed on purpose/);
    assert.equal(await queued, 'echo:after the crash');
    assert.equal(await pool.hash('later', 4), 'echo:later');
  });

  test('a worker that cannot start fails the job instead of hanging it', async () => {
    const pool = new PasswordPool({ workerFile: path.join(fixtureDir, 'missing.mjs'), size: 1, maxQueued: 10 });
    await assert.rejects(pool.hash('anything', 4));
    await assert.rejects(pool.hash('again', 4));
  });

  test('beyond the queue bound a job is refused as busy (503 with Retry-After)', async () => {
    const pool = new PasswordPool({ workerFile: echoOrCrashWorker, size: 1, maxQueued: 2 });
    const accepted = [pool.hash('a', 4), pool.hash('b', 4), pool.hash('c', 4)];
    const refused = pool.hash('d', 4);
    await assert.rejects(
      refused,
      (error: unknown) => error instanceof AppError && error.code === 'unavailable' && error.retryAfterSeconds === 1,
    );
    assert.deepEqual(await Promise.all(accepted), ['echo:a', 'echo:b', 'echo:c']);
  });

  test('an idle pool does not keep a process alive', () => {
    const script = `import { passwordPool } from './lib/auth/password-pool.ts';
const hash = await passwordPool().hash('exit-check', 4);
console.log(hash, await passwordPool().compare('exit-check', hash));`;
    const child = spawnSync(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '--eval', script],
      {
        cwd: process.cwd(),
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    assert.equal(child.signal, null, 'the process had to be killed: something kept it alive');
    assert.equal(child.status, 0, child.stderr);
    assert.match(child.stdout, /^\$2[ab]\$04\$\S+ true$/m);
  });
});
