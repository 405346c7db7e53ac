// `npm test` on a machine with no Chromium where none can be downloaded: it must stop before the
// first suite with one sentence, not fail in the browser suite after every other one has run.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { noChromiumMessage } from '../../scripts/test/ensure-chromium';
import { freePort } from '../support/free-port';

const emptyBrowserCache = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-no-browser-'));
after(() => fs.rmSync(emptyBrowserCache, { recursive: true, force: true }));

test('npm test with no Chromium and no download stops before any suite, saying what to install', async () => {
  const child = spawn('npm', ['test'], {
    detached: true, // its own process group, so a run that went too far can be ended whole
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      E2E_CHROMIUM_CANDIDATES: '', // no system Chromium
      PLAYWRIGHT_BROWSERS_PATH: emptyBrowserCache, // nor Playwright's
      PLAYWRIGHT_DOWNLOAD_HOST: `http://127.0.0.1:${await freePort()}`, // and the download is refused
    },
  });
  let stdout = '';
  let stderr = '';
  let suiteStarted = false;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    // A suite header means the check let it through: stop there rather than run every suite, this one included.
    if (!suiteStarted && stdout.includes('=== ')) {
      suiteStarted = true;
      process.kill(-child.pid!, 'SIGTERM');
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

  assert.equal(suiteStarted, false, `a suite started:\n${stdout}`);
  assert.notEqual(code, 0);
  assert.equal(stderr.trim(), noChromiumMessage);
});
