// npm test: every suite, in order, each in its own process. All suites run even after a failure,
// so one run shows everything that is wrong; the exit code is non-zero if any failed.
//   typecheck → unit → integration on PGlite → integration on PostgreSQL → end-to-end (Playwright)
// The PostgreSQL suite uses TEST_DATABASE_URL when set, else starts a throwaway embedded server.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tsx = ['--import', 'tsx'];

const suites: { name: string; args: string[] }[] = [
  { name: 'typecheck', args: [require.resolve('typescript/bin/tsc'), '--noEmit'] },
  { name: 'unit', args: [...tsx, 'scripts/test/run-unit.ts'] },
  { name: 'integration (PGlite)', args: [...tsx, 'scripts/test/run-integration.ts', 'pglite'] },
  { name: 'integration (PostgreSQL)', args: [...tsx, 'scripts/test/run-integration.ts', 'postgres'] },
  { name: 'end-to-end (Playwright)', args: [require.resolve('@playwright/test/cli'), 'test'] },
];

const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, suite.args, { stdio: 'inherit' });
  results.push({ name: suite.name, ok: result.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\n=== summary ===');
for (const result of results) console.log(`${result.ok ? 'pass' : 'FAIL'}  ${result.name} (${result.seconds} s)`);
const failed = results.filter((result) => !result.ok).length;
console.log(`suites: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
