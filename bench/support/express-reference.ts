import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../tests/support/free-port';
import { processCpuMs } from './process-cpu';
import { stopChild, waitUntilReady } from './stack';

// The reference scenario 1 holds /api/auth/me against: Express with the MemoryStore sessions the
// project was born replacing (bench/support/express-reference-server.ts), in a process of its own
// started as ours is, with NODE_ENV=production, so both are measured under the same conditions.

export class ExpressReference {
  private child: ChildProcess | null = null;
  port = 0;

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await freePort();
    this.child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/express-reference-server.ts'], {
      env: { ...process.env, NODE_ENV: 'production', PORT: String(this.port) },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitUntilReady(`${this.base}/api/health`);
  }

  /** A session cookie of the reference's, as a browser would send it back. */
  async signIn(): Promise<string> {
    const reply = await fetch(`${this.base}/login`, { method: 'POST' });
    if (reply.status !== 204) throw new Error(`The Express reference refused the sign-in: ${reply.status}`);
    return reply.headers.getSetCookie()[0].split(';')[0];
  }

  cpuMs(): number {
    return processCpuMs(this.child!.pid!);
  }

  stop(): Promise<void> {
    return stopChild(this.child, 10_000);
  }
}
