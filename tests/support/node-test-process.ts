import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The *.test.ts files of a folder, sorted (Node 20's --test does not expand globs itself). */
export function testFiles(folder: string): string[] {
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => path.join(folder, name));
}

/**
 * Runs test files with node:test, each file in its own process. The react-server condition lets
 * the library's `import 'server-only'` load outside Next.js. Resolves with the exit code.
 */
export function runNodeTests(
  files: string[],
  options: { env?: NodeJS.ProcessEnv; concurrency?: number; onSpawn?: (kill: () => void) => void } = {},
): Promise<number> {
  if (files.length === 0) throw new Error('No test files found.');
  const args = ['--conditions=react-server', '--import', 'tsx', '--test', '--test-reporter=spec'];
  if (options.concurrency) args.push(`--test-concurrency=${options.concurrency}`);
  const child = spawn(process.execPath, [...args, ...files], { stdio: 'inherit', env: options.env ?? process.env });
  options.onSpawn?.(() => child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
