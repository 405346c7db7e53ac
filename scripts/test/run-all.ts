// npm test: every suite, in order, each in its own process. All suites run even after a failure,
// so one run shows everything that is wrong; the exit code is non-zero if any failed. First of all
// it makes sure the browser suite will have a Chromium, and stops at once if it cannot.
//   lint → typecheck → unit → integration on PGlite → integration on PostgreSQL → end-to-end (Playwright)
// lint runs what `npm run lint` runs, ESLint then Prettier's check, but runs the check even if ESLint fails.
// The PostgreSQL suite uses TEST_DATABASE_URL when set, else starts a throwaway embedded server.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureChromium } from './ensure-chromium';

const require = createRequire(import.meta.url);
const tsx = ['--import', 'tsx'];
// A package's bin file, found through its package.json (eslint's exports do not include its bin).
const bin = (name: string, file: string) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

// Each suite is one or more node processes; it passes if all of them do.
const suites: { name: string; runs: string[][] }[] = [
  {
    name: 'lint',
    runs: [
      [bin('eslint', 'bin/eslint.js'), '.'],
      [bin('prettier', 'bin/prettier.cjs'), '--check', '.'],
    ],
  },
  { name: 'typecheck', runs: [[require.resolve('typescript/bin/tsc'), '--noEmit']] },
  { name: 'unit', runs: [[...tsx, 'scripts/test/run-unit.ts']] },
  { name: 'integration (PGlite)', runs: [[...tsx, 'scripts/test/run-integration.ts', 'pglite']] },
  { name: 'integration (PostgreSQL)', runs: [[...tsx, 'scripts/test/run-integration.ts', 'postgres']] },
  { name: 'end-to-end (Playwright)', runs: [[require.resolve('@playwright/test/cli'), 'test']] },
];

const browserProblem = await ensureChromium();
if (browserProblem) {
  console.error(browserProblem);
  process.exit(1);
}

const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  let ok = true;
  for (const args of suite.runs) ok = spawnSync(process.execPath, args, { stdio: 'inherit' }).status === 0 && ok;
  results.push({ name: suite.name, ok, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\n=== summary ===');
for (const result of results) console.log(`${result.ok ? 'pass' : 'FAIL'}  ${result.name} (${result.seconds} s)`);
const failed = results.filter((result) => !result.ok).length;
console.log(`suites: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
