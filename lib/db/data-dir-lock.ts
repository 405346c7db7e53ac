import 'server-only';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors';

type LockHolder = { pid: number; host: string; startedAt: string; command: string };

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

/**
 * PGlite takes no lock of its own, and two processes on one data directory silently lose
 * committed rows. This exclusive lock file makes the second process fail loudly instead.
 * Returns a function that releases the lock; it is also released when the process exits.
 */
export function lockDataDirectory(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'pglite.lock');
  const me: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    command: process.argv.slice(1).join(' ').slice(0, 200),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o644 });
      const release = () => {
        const holder = readHolder(file);
        if (holder?.pid === me.pid && holder.host === me.host) fs.rmSync(file, { force: true });
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && holder.host === me.host && holder.pid === me.pid) return () => {};
    if (holder && holder.host === me.host && !isProcessAlive(holder.pid)) {
      // Left behind by a process that died without cleaning up.
      fs.rmSync(file, { force: true });
      continue;
    }
    const who = holder
      ? `process ${holder.pid} on ${holder.host} (${holder.command || 'unknown command'}, since ${holder.startedAt})`
      : `another process (the lock file ${file} is being written)`;
    throw new AppError(
      'database_locked',
      `The embedded database in ${dataDir} is in use by ${who}. The embedded database serves one process only: stop that process first, or set DATABASE_URL to use PostgreSQL with several processes. (If that process is surely gone, for example on another machine, delete ${file}.)`,
    );
  }
  throw new AppError(
    'database_locked',
    `Could not lock the embedded database in ${dataDir}; remove ${file} if no other process uses it.`,
  );
}
