// Before any suite runs, `npm test` makes sure the browser suite will have a Chromium: the one the
// Playwright configs would launch, else Playwright's own, installed here. Where that cannot be
// downloaded it stops at once, rather than after every other suite has run for minutes.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../../tests/e2e/support/browser';

const require = createRequire(import.meta.url);
// A download that cannot even connect gives up after this long (Playwright's default is 30 s a try).
const connectionTimeoutMs = 10_000;
// The whole download, however slow the line.
const installTimeoutMs = 15 * 60_000;

async function launches(): Promise<boolean> {
  try {
    const browser = await chromium.launch(chromiumLaunchOptions);
    await browser.close();
    return true;
  } catch {
    return false;
  }
}

export const noChromiumMessage =
  "No Chromium was found and Playwright's own could not be downloaded: install Debian's chromium (apt-get install chromium) and run npm test again.";

/** Resolves with the one sentence to stop on, or undefined when Chromium launches. */
export async function ensureChromium(): Promise<string | undefined> {
  if (await launches()) return undefined;
  console.log("No Chromium found: installing Playwright's own (npx playwright install chromium)…");
  const install = spawnSync(process.execPath, [require.resolve('@playwright/test/cli'), 'install', 'chromium'], {
    env: { PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: String(connectionTimeoutMs), ...process.env },
    stdio: 'ignore',
    timeout: installTimeoutMs,
  });
  if (install.status === 0 && (await launches())) return undefined;
  return noChromiumMessage;
}
