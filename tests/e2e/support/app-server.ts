import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2eBasePath, e2eDistDir, e2eSessionSecret } from './constants';
import { freePort } from '../../support/free-port';

const nodeArgs = ['--conditions=react-server', '--import', 'tsx'];

/** A production server of the app on a fresh embedded database, which a test can restart. */
export class AppServer {
  readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-e2e-'));
  private process: ChildProcess | null = null;
  private port = 0;
  private output = '';

  constructor(private extraEnv: Record<string, string> = {}) {}

  /** Changes environment variables for the next (re)start. */
  setEnv(changes: Record<string, string>): void {
    this.extraEnv = { ...this.extraEnv, ...changes };
  }

  /** Chooses the port before the first start, so a test can name the app's address (a callback URL) up front. */
  async choosePort(): Promise<string> {
    if (!this.port) this.port = await freePort();
    return this.baseURL;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** With a trailing slash, so relative paths such as 'login' keep the base path. */
  get baseURL(): string {
    return `${this.origin}${e2eBasePath}/`;
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      NODE_ENV: 'production',
      BASE_PATH: e2eBasePath,
      NEXT_DIST_DIR: e2eDistDir,
      DATA_DIR: this.dataDir,
      HOST: '127.0.0.1',
      ...(this.port ? { PORT: String(this.port) } : {}),
      SESSION_SECRET: e2eSessionSecret,
      BCRYPT_COST: '10',
      ...this.extraEnv,
    };
  }

  /** Runs `npm run users -- …` against this server's database (only while it is stopped). */
  users(args: string[], stdin?: string): string {
    const result = spawnSync(process.execPath, [...nodeArgs, 'scripts/users.ts', ...args], {
      env: this.env(),
      input: stdin ?? '',
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`users ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  }

  createUser(username: string, password: string, role = 'requester'): void {
    this.users(['create', '--username', username, '--role', role, '--password-stdin'], password);
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    this.output = '';
    const child = spawn(process.execPath, [...nodeArgs, 'server/index.ts'], {
      env: this.env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process = child;
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${this.output}`);
      try {
        const response = await fetch(`${this.baseURL}api/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`The app did not become healthy within 60 s:\n${this.output}`);
  }

  /**
   * Starts with mail on: `PUBLIC_URL` must name the server's own port, which is chosen on the first
   * start, so it starts once to learn it, then again with `mailEnv` and that address.
   */
  async startWithMail(mailEnv: Record<string, string>): Promise<void> {
    await this.start();
    await this.stop();
    this.setEnv({ ...mailEnv, PUBLIC_URL: this.baseURL.replace(/\/$/, '') });
    await this.start();
  }

  /** SIGTERM, as PM2 or systemd stop it; true when it exited by itself within 15 s (else it is killed). */
  async stop(): Promise<boolean> {
    return this.end('SIGTERM');
  }

  /** The reader of the server's output goes away, as when a log pipe's other end dies. */
  closeLogPipes(): void {
    this.process?.stdout?.destroy();
    this.process?.stderr?.destroy();
  }

  /** Ends the server as a crash or `kill -9` would: no shutdown, no cleanup. */
  async crash(): Promise<void> {
    await this.end('SIGKILL');
  }

  private async end(signal: NodeJS.Signals): Promise<boolean> {
    const child = this.process;
    this.process = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return true;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (child.exitCode !== null || child.signalCode !== null) return true;
    child.kill('SIGKILL');
    return false;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  logs(): string {
    return this.output;
  }
}
