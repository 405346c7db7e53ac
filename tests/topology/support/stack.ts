import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../support/embedded-postgres';
import { freePort } from '../../support/free-port';
import { Pm2 } from '../../support/pm2';
import { makeCertificate } from '../../e2e/support/tls-proxy';
import { topologyBasePath, topologyDistDir, topologySecret } from './constants';
import { request } from './http';

const projectRoot = process.cwd();

/**
 * The production topology on 127.0.0.1: PostgreSQL, `pm2 start ecosystem.config.js` with two
 * workers, and nginx with TLS in front using deploy/nginx-location.conf as is.
 */
export class Stack {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-topology-'));
  database!: EmbeddedServer;
  appPort = 0;
  httpsPort = 0;
  pm2!: Pm2;
  private nginx: ChildProcess | null = null;
  private env = {} as NodeJS.ProcessEnv;

  get publicBase(): string {
    return `https://localhost:${this.httpsPort}${topologyBasePath}/`;
  }

  get upstreamBase(): string {
    return `http://127.0.0.1:${this.appPort}${topologyBasePath}/`;
  }

  async start(): Promise<void> {
    this.database = await startEmbeddedPostgres();
    this.appPort = await freePort();
    this.httpsPort = await freePort();
    this.env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: this.database.url,
      SESSION_SECRET: topologySecret,
      BASE_PATH: topologyBasePath,
      NEXT_DIST_DIR: topologyDistDir,
      HOST: '127.0.0.1',
      PORT: String(this.appPort),
      TRUST_PROXY: 'loopback',
      PM2_INSTANCES: '2',
      PM2_HOME: path.join(this.dir, 'pm2'),
      // As the README's start command: workers accept connections themselves (see ecosystem.config.js).
      NODE_CLUSTER_SCHED_POLICY: 'none',
      BCRYPT_COST: '10',
    };
    this.pm2 = new Pm2(this.env);
    this.users(['create', '--username', 'admin', '--role', 'admin', '--password-stdin'], 'admin-password-1');
    this.users(['create', '--username', 'walt', '--role', 'agent', '--password-stdin'], 'walt-password-1');
    this.pm2.run(['start', 'ecosystem.config.js', '--env', 'production']);
    await this.pm2.waitForWorkers((pids) => pids.length === 2);
    await this.waitFor(`${this.upstreamBase}api/health/ready`, 200);
    this.startNginx();
    await this.waitFor(`${this.publicBase}api/health`, 200);
  }

  users(args: string[], stdin: string): void {
    const result = spawnSync(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/users.ts', ...args],
      { env: this.env, input: stdin, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`users ${args[0]} failed: ${result.stderr}`);
  }

  /** Process ids of the two workers, once PM2 reports both online. */
  workerPids(): Promise<number[]> {
    return this.pm2.waitForWorkers((pids) => pids.length === 2);
  }

  async waitFor(url: string, status: number, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer';
    while (Date.now() < deadline) {
      try {
        const reply = await request(url);
        if (reply.status === status) return;
        last = `HTTP ${reply.status}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${url} did not answer ${status} within ${timeoutMs / 1000} s (last: ${last})`);
  }

  private startNginx(): void {
    const tls = makeCertificate();
    const temp = (name: string) => `${name}_temp_path ${path.join(this.dir, `nginx-${name}`)};`;
    const config = `
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${path.join(this.dir, 'nginx.pid')};
error_log ${path.join(this.dir, 'nginx-error.log')} warn;
events { worker_connections 256; }
http {
  access_log ${path.join(this.dir, 'nginx-access.log')};
  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}
  upstream it_assets_manager {
    server 127.0.0.1:${this.appPort} max_fails=0;
    server 127.0.0.1:${this.appPort} max_fails=0;
  }
  # Same upstream as deploy/nginx.conf (no keepalive); the location is deploy/nginx-location.conf itself.
  server {
    listen 127.0.0.1:${this.httpsPort} ssl;
    server_name localhost;
    ssl_certificate ${tls.certFile};
    ssl_certificate_key ${path.join(tls.dir, 'key.pem')};
    include ${path.join(projectRoot, 'deploy/nginx-location.conf')};
  }
}`;
    const file = path.join(this.dir, 'nginx.conf');
    fs.writeFileSync(file, config);
    const check = spawnSync('nginx', ['-t', '-p', this.dir, '-c', file], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx rejected its configuration:\n${check.stderr}`);
    this.nginx = spawn('nginx', ['-p', this.dir, '-c', file, '-g', 'daemon off;'], { stdio: 'ignore' });
  }

  async stop(): Promise<void> {
    try {
      this.pm2?.kill();
    } finally {
      this.nginx?.kill('SIGQUIT');
      await this.database?.dispose().catch(() => {});
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
