// One bcrypt job at a time, off the main thread (see password-pool.ts). Plain JavaScript loaded by
// its path at run time, so neither Next's bundler nor tsx has to understand or rewrite it.
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import bcrypt from 'bcryptjs';

// Serving requests comes first: when cores are scarce, hashing takes what the main thread leaves.
// On Linux the nice value belongs to the calling thread only (elsewhere it would be the process).
const hashingNice = 10;
if (process.platform === 'linux') {
  try {
    os.setPriority(hashingNice);
  } catch {
    // Not allowed here (an unusual sandbox): hash at normal priority rather than not at all.
  }
}

// The synchronous calls are right here: this thread has nothing else to do meanwhile.
function run(job) {
  if (job.kind === 'hash') return bcrypt.hashSync(job.password, job.cost);
  if (job.kind === 'compare') return bcrypt.compareSync(job.password, job.hash);
  throw new Error(`unknown password job "${job.kind}"`);
}

parentPort.on('message', (job) => {
  try {
    parentPort.postMessage({ value: run(job) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
