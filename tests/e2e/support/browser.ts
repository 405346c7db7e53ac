import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

// Debian's Chromium when present (Playwright's own browser needs a download); Playwright's otherwise.
// E2E_CHROMIUM_CANDIDATES (paths joined by ":") replaces the places a system Chromium is looked for.
const candidates = (process.env.E2E_CHROMIUM_CANDIDATES ?? '/usr/bin/chromium:/usr/bin/chromium-browser').split(':');

/** How every Playwright suite launches Chromium, and how `npm test` checks beforehand that it can. */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: candidates.find((candidate) => candidate !== '' && fs.existsSync(candidate)),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
