import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/support/browser';

// `npm run test:topology`: PM2 cluster on PostgreSQL behind nginx with TLS, under a sub-path.
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
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
