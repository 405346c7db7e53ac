import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { openDatabase } from '../../lib/db/client';
import { lockDataDirectory } from '../../lib/db/data-dir-lock';
import { AppError } from '../../lib/errors';

// The embedded database serves one process: a second process on the same data directory must
// fail loudly instead of silently losing rows. Runs the same under TEST_DB=pglite and postgres,
// since it only needs a temp directory.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-lock-test-'));
const holderScript = path.join(import.meta.dirname, '..', 'support', 'hold-data-dir-lock.ts');
let holder: ChildProcess | undefined;

after(() => {
  holder?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function startHolder(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', holderScript, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve());
    child.once('exit', (code) => reject(new Error(`lock holder exited early with code ${code}`)));
  });
  return child;
}

function isLockedBy(pid: number) {
  return (error: unknown) =>
    error instanceof AppError &&
    error.code === 'database_locked' &&
    error.message.includes(`process ${pid} `) &&
    error.message.includes(dataDir) &&
    /set DATABASE_URL/.test(error.message);
}

describe('data directory lock', () => {
  test('a directory held by another live process is refused, naming that process', async () => {
    holder = await startHolder(dataDir);
    assert.throws(() => lockDataDirectory(dataDir), isLockedBy(holder.pid!));
  });

  test('opening the embedded database there is refused the same way, before PGlite touches it', async () => {
    await assert.rejects(openDatabase({ kind: 'pglite', dataDir }), isLockedBy(holder!.pid!));
    assert.equal(fs.existsSync(path.join(dataDir, 'pglite')), false);
  });

  test('a lock left by a process that died is taken over, and released again', async () => {
    const deadPid = holder!.pid!;
    await new Promise<void>((resolve) => {
      holder!.once('exit', () => resolve());
      holder!.kill('SIGKILL');
    });
    holder = undefined;
    const lockFile = path.join(dataDir, 'pglite.lock');
    assert.equal(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid, deadPid);

    const release = lockDataDirectory(dataDir);
    assert.equal(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid, process.pid);
    release();
    assert.equal(fs.existsSync(lockFile), false);
  });
});
