import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../tests/support/free-port';
import { Pm2 } from '../../tests/support/pm2';
import { benchEnv, createUser, waitUntilReady } from './stack';

/**
 * The app as deployed with PM2 (`pm2 start ecosystem.config.js --env production`) on PostgreSQL,
 * with a private PM2 daemon, on 127.0.0.1. `stop()` ends the daemon and every worker.
 */
export class Pm2Cluster {
  readonly home = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-bench-pm2-'));
  port = 0;
  private pm2: Pm2 | null = null;
  private env = {} as NodeJS.ProcessEnv;

  constructor(
    private readonly databaseUrl: string,
    private readonly instances = 2,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async prepare(): Promise<void> {
    this.port = await freePort();
    this.env = benchEnv(this.databaseUrl, {
      PORT: String(this.port),
      PM2_INSTANCES: String(this.instances),
      PM2_HOME: this.home,
      // As the README's PM2 command: workers accept connections themselves.
      NODE_CLUSTER_SCHED_POLICY: 'none',
      BCRYPT_COST: '12',
    });
    this.pm2 = new Pm2(this.env);
  }

  createUser(username: string, password: string, role = 'agent'): void {
    createUser(this.env, username, password, role);
  }

  /**
   * `pm2 start`, then waits for the first 200 from /api/health/ready and for every worker to be
   * online; returns both times in milliseconds from the start command.
   */
  async start(): Promise<{ firstReadyMs: number; allOnlineMs: number }> {
    const started = performance.now();
    const command = this.pm2!.runAsync(['start', 'ecosystem.config.js', '--env', 'production']);
    await waitUntilReady(`${this.base}/api/health/ready`, 120_000);
    const firstReadyMs = performance.now() - started;
    await command;
    await this.pm2!.waitForWorkers((pids) => pids.length === this.instances, 120_000);
    return { firstReadyMs, allOnlineMs: performance.now() - started };
  }

  workerPids(): Promise<number[]> {
    return this.pm2!.onlinePids();
  }

  stop(): void {
    this.pm2?.kill();
    fs.rmSync(this.home, { recursive: true, force: true });
  }
}
