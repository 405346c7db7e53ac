import 'server-only';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';

// bcryptjs is pure JavaScript: on the main thread a few cost-12 hashes at once starve every other
// request. A few worker threads do the hashing instead, and jobs beyond them wait in a queue.

export type PasswordJob =
  { kind: 'hash'; password: string; cost: number } | { kind: 'compare'; password: string; hash: string };
type Reply = { value: string | boolean } | { error: string };
type Pending = { job: PasswordJob; resolve: (value: string | boolean) => void; reject: (error: Error) => void };

export type PasswordPoolOptions = {
  /** Absolute path of the worker script. */
  workerFile: string;
  /** How many jobs run at once, each in its own thread. */
  size: number;
  /** Jobs allowed to wait beyond those running; more are refused as "busy". */
  maxQueued: number;
};

export class PasswordPool {
  private readonly live = new Set<Worker>();
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];

  constructor(private readonly options: PasswordPoolOptions) {}

  async hash(password: string, cost: number): Promise<string> {
    return (await this.run({ kind: 'hash', password, cost })) as string;
  }

  async compare(password: string, hash: string): Promise<boolean> {
    return (await this.run({ kind: 'compare', password, hash })) as boolean;
  }

  private run(job: PasswordJob): Promise<string | boolean> {
    if (this.queue.length >= this.options.maxQueued) {
      return Promise.reject(
        new AppError('unavailable', 'The server is busy checking passwords. Try again in a moment.', {
          retryAfterSeconds: 1,
        }),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let worker: Worker | undefined;
      try {
        worker = this.idle.pop() ?? (this.live.size < this.options.size ? this.spawn() : undefined);
      } catch (error) {
        this.queue.shift()!.reject(error as Error); // e.g. an invalid worker path: fail, never hang
        continue;
      }
      if (!worker) return;
      const pending = this.queue.shift()!;
      this.running.set(worker, pending);
      // Held only while it works, so an idle pool never keeps a script or test from exiting.
      worker.ref();
      worker.postMessage(pending.job);
    }
  }

  private spawn(): Worker {
    // execArgv: [] drops the parent's `--import tsx`: the worker is plain JavaScript.
    const worker = new Worker(this.options.workerFile, { execArgv: [] });
    this.live.add(worker);
    worker.on('message', (reply: Reply) => this.settle(worker, reply));
    worker.on('error', (error) => this.retire(worker, error));
    worker.on('exit', (code) =>
      this.retire(worker, new Error(`The password worker stopped unexpectedly (exit code ${code}).`)),
    );
    return worker;
  }

  private settle(worker: Worker, reply: Reply): void {
    const pending = this.running.get(worker);
    this.running.delete(worker);
    worker.unref();
    this.idle.push(worker);
    if (pending) {
      if ('error' in reply) pending.reject(new Error(reply.error));
      else pending.resolve(reply.value);
    }
    this.dispatch();
  }

  /** A worker that crashed fails its own job only; the next dispatch starts a replacement. */
  private retire(worker: Worker, error: Error): void {
    if (!this.live.delete(worker)) return; // 'error' is followed by 'exit': handle the first one
    const idleAt = this.idle.indexOf(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    const pending = this.running.get(worker);
    this.running.delete(worker);
    pending?.reject(error);
    this.dispatch();
  }
}

/** Leaves a core for the main thread, which serves every other request. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

// One pool per process, shared by the custom server and every Next.js bundle. The worker is found
// from the project root (where the app, scripts and tests always run), not through the bundler.
const poolKey = Symbol.for('it-assets-manager.password-pool');

export function passwordPool(): PasswordPool {
  const holder = globalThis as { [poolKey]?: PasswordPool };
  const size = defaultPoolSize();
  return (holder[poolKey] ??= new PasswordPool({
    workerFile: path.join(process.cwd(), 'lib', 'auth', 'password-worker.mjs'),
    size,
    maxQueued: 32 * size,
  }));
}
