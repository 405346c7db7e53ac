import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// `npm run test:topology`: PM2 cluster on PostgreSQL behind nginx with TLS, under a sub-path.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => fs.existsSync(path));

export default defineConfig({
  testDir: 'tests/topology',
  globalSetup: './tests/topology/support/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    ignoreHTTPSErrors: true, // the test's own self-signed certificate
    launchOptions: {
      executablePath: systemChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
