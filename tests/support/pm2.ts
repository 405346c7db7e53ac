// PM2 driven from tests and benchmarks: a private daemon (its own PM2_HOME) started with the
// environment given, as `npx pm2 …` would be from the project root.
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const pm2Bin = createRequire(import.meta.url).resolve('pm2/bin/pm2');
const projectRoot = process.cwd();

type Pm2Process = { pid: number; pm2_env: { status: string } };

export class Pm2 {
  /** `env.PM2_HOME` must be a directory of the caller's own: the daemon lives there. */
  constructor(private readonly env: NodeJS.ProcessEnv) {
    if (!env.PM2_HOME) throw new Error('Pm2 needs its own PM2_HOME');
  }

  /** Runs a PM2 command to its end; throws with PM2's output when it fails. */
  run(args: string[]): string {
    const result = spawnSync(process.execPath, [pm2Bin, ...args], {
      cwd: projectRoot,
      env: this.env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (result.status !== 0)
      throw new Error(
        `pm2 ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}\n${result.error?.message ?? ''}`,
      );
    return result.stdout;
  }

  /** The same without blocking this process's event loop (requests it is sending keep flowing). */
  runAsync(args: string[], timeoutMs = 120_000): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        [pm2Bin, ...args],
        { cwd: projectRoot, env: this.env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 2 ** 20 },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`pm2 ${args.join(' ')} failed: ${error.message}\n${stdout}\n${stderr}`));
          else resolve(stdout);
        },
      );
    });
  }

  /** Process ids of the app's workers that PM2 reports online (started and ready). */
  async onlinePids(): Promise<number[]> {
    const list = JSON.parse(await this.runAsync(['jlist'], 20_000)) as Pm2Process[];
    return list.filter((worker) => worker.pm2_env.status === 'online').map((worker) => worker.pid);
  }

  /** Waits until `accept(pids)` holds for the online workers; on timeout, throws with what PM2 last reported. */
  async waitForWorkers(accept: (pids: number[]) => boolean, timeoutMs = 90_000): Promise<number[]> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer from pm2';
    while (Date.now() < deadline) {
      try {
        const pids = await this.onlinePids();
        if (accept(pids)) return pids;
        last = `online: [${pids.join(', ')}]`;
      } catch (error) {
        last = (error as Error).message;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(
      `PM2's workers did not reach the expected state within ${timeoutMs / 1000} s (last: ${last}).\n${this.diagnostics()}`,
    );
  }

  /** The ends of the daemon's and the app's logs, for a failure message. */
  diagnostics(): string {
    const home = this.env.PM2_HOME!;
    // The per-request log lines would hide the few that explain a failure.
    const tail = (file: string) =>
      fs.existsSync(file)
        ? fs
            .readFileSync(file, 'utf8')
            .split('\n')
            .filter((line) => !line.includes('"http.request"'))
            .slice(-30)
            .join('\n')
        : '(none)';
    const appLogs = fs.existsSync(path.join(home, 'logs'))
      ? fs.readdirSync(path.join(home, 'logs')).map((name) => path.join(home, 'logs', name))
      : [];
    return [
      `--- ${path.join(home, 'pm2.log')}`,
      tail(path.join(home, 'pm2.log')),
      ...appLogs.flatMap((file) => [`--- ${file}`, tail(file)]),
    ].join('\n');
  }

  /**
   * Process ids of the app's workers that logged `event` at or after `since`, read from PM2's log
   * files (each line: PM2's timestamp, then the app's one JSON line).
   */
  pidsThatLogged(event: string, since: Date): Set<number> {
    const folder = path.join(this.env.PM2_HOME!, 'logs');
    const pids = new Set<number>();
    if (!fs.existsSync(folder)) return pids;
    for (const name of fs.readdirSync(folder)) {
      for (const line of fs.readFileSync(path.join(folder, name), 'utf8').split('\n')) {
        if (!line.includes(`"event":"${event}"`)) continue;
        const entry = JSON.parse(line.slice(line.indexOf('{'))) as { time: string; pid: number };
        if (new Date(entry.time) >= since) pids.add(entry.pid);
      }
    }
    return pids;
  }

  /** Stops the daemon and every process it runs. */
  kill(): void {
    spawnSync(process.execPath, [pm2Bin, 'kill'], { cwd: projectRoot, env: this.env, timeout: 60_000 });
  }
}
