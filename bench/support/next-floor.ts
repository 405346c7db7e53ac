import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../../tests/support/free-port';
import { processCpuMs } from './process-cpu';
import { stopChild, waitUntilReady } from './stack';

// Next.js's own floor: a one-page App Router app (bench/support/next-floor-app) on the same Next.js
// version, built and started in production mode beside ours. What it costs per page is what any
// Next.js page costs on this machine, so our floor is stated as a multiple of it.

const appDir = path.resolve('bench/support/next-floor-app');
const nextBin = path.resolve('node_modules/next/dist/bin/next');
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };

export class NextFloorApp {
  private child: ChildProcess | null = null;
  port = 0;

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Builds the app unless a build is there; BENCH_SKIP_BUILD=1 reuses one as for our app. */
  build(): void {
    if (process.env.BENCH_SKIP_BUILD === '1' && fs.existsSync(path.join(appDir, '.next/BUILD_ID'))) return;
    console.log("Building Next.js's own floor (bench/support/next-floor-app)…");
    const built = spawnSync(process.execPath, [nextBin, 'build', appDir], { env, stdio: 'inherit' });
    if (built.status !== 0) throw new Error("Next.js's floor app did not build.");
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    this.child = spawn(process.execPath, [nextBin, 'start', appDir, '-p', String(this.port), '-H', '127.0.0.1'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitUntilReady(`${this.base}/`);
  }

  cpuMs(): number {
    return processCpuMs(this.child!.pid!);
  }

  stop(): Promise<void> {
    return stopChild(this.child, 10_000);
  }
}
