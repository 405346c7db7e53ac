import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import postgres from 'postgres';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../tests/support/embedded-postgres';
import { freePort } from '../../tests/support/free-port';
import { buildNextApp } from '../../server/next-build';
import { processCpuMs } from './process-cpu';

export const benchSecret = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
// BENCH_DIST_DIR lets two checkouts or people build and measure side by side.
export const distDir = process.env.BENCH_DIST_DIR || '.next-bench';
const nodeArgs = ['--conditions=react-server', '--import', 'tsx'];
// The server as `npm run serve` and ecosystem.config.js start it, with the same heap sizing.
const serverNodeArgs = [...nodeArgs, '--heap-growing-percent=50'];

/** Builds the current code into .next-bench (site root); BENCH_SKIP_BUILD=1 reuses the last build. */
export function ensureBenchBuild(): void {
  if (process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(`${distDir}/BUILD_ID`)) return;
  console.log(`Building the app for the benchmarks (${distDir})…`);
  if (!buildNextApp({ basePath: '', distDir })) throw new Error('The benchmark build failed.');
}

/** A new database on the PostgreSQL server `serverUrl` points at, and a way to drop it. */
export async function createDatabaseOn(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `iam_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
      await admin.end();
    },
  };
}

/** A fresh PostgreSQL database: BENCH_DATABASE_URL's server when set, else a throwaway embedded one. */
export async function benchDatabase(): Promise<{ url: string; dispose: () => Promise<void> }> {
  let embedded: EmbeddedServer | undefined;
  const serverUrl = process.env.BENCH_DATABASE_URL ?? (embedded = await startEmbeddedPostgres()).url;
  const database = await createDatabaseOn(serverUrl);
  return {
    url: database.url,
    dispose: async () => {
      await database.drop();
      await embedded?.dispose();
    },
  };
}

/**
 * The production server's environment: PostgreSQL at `databaseUrl`, or the embedded database
 * (in `DATA_DIR`, from `extra`) when it is null.
 */
export function benchEnv(databaseUrl: string | null, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_DIST_DIR: distDir,
    BASE_PATH: '',
    DATABASE_URL: databaseUrl ?? '',
    SESSION_SECRET: benchSecret,
    HOST: '127.0.0.1',
    ...extra,
  };
}

export function createUser(env: NodeJS.ProcessEnv, username: string, password: string, role = 'agent'): void {
  const result = spawnSync(
    process.execPath,
    [...nodeArgs, 'scripts/users.ts', 'create', '--username', username, '--role', role, '--password-stdin'],
    { env, input: password, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`could not create ${username}: ${result.stderr}`);
}

/** Polls a readiness URL every 20 ms until it answers 200 (a minute at most). */
export async function waitUntilReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

/** Asks a child process to stop (SIGTERM), and kills it if it is still there after `graceMs`. */
export async function stopChild(child: ChildProcess | null, graceMs: number): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/** Signs in through the JSON login at `base`; resolves with the session cookie as "name=value". */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const reply = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!reply.ok) throw new Error(`login failed: ${reply.status}`);
  return reply.headers.getSetCookie()[0].split(';')[0];
}

export class BenchServer {
  private child: ChildProcess | null = null;
  port = 0;

  /** `checkout`: the directory whose code and build the server runs (another worktree, for bench/compare-builds.ts). */
  constructor(
    private readonly databaseUrl: string | null,
    private readonly extraEnv: Record<string, string> = {},
    private readonly checkout = process.cwd(),
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  env(): NodeJS.ProcessEnv {
    return benchEnv(this.databaseUrl, { ...(this.port ? { PORT: String(this.port) } : {}), ...this.extraEnv });
  }

  createUser(username: string, password: string, role = 'agent'): void {
    createUser(this.env(), username, password, role);
  }

  /** Starts the server; resolves with the milliseconds until /api/health/ready first answered 200. */
  async start(): Promise<number> {
    this.port ||= await freePort();
    const started = performance.now();
    this.child = spawn(process.execPath, [...serverNodeArgs, 'server/index.ts'], {
      cwd: this.checkout,
      env: this.env(),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitUntilReady(`${this.base}/api/health/ready`);
    return performance.now() - started;
  }

  /** Resident memory of the server process, in MB (Linux /proc). */
  residentMB(): number {
    const status = fs.readFileSync(`/proc/${this.child!.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
  }

  /** CPU time the server process has used so far (user + system), in ms. */
  cpuMs(): number {
    return processCpuMs(this.child!.pid!);
  }

  login(username: string, password: string): Promise<string> {
    return signIn(this.base, username, password);
  }

  stop(): Promise<void> {
    return stopChild(this.child, 15_000);
  }
}
