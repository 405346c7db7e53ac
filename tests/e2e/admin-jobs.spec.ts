import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { e2eSessionSecret } from './support/constants';
import { signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

const failure = 'Connection refused by the mail server (e2e)';

const server = useAppServer((app) => {
  // Runs inside the set-up hook: three commands on a fresh embedded database, then the server.
  test.setTimeout(180_000);
  app.createUser('boss', 'boss-password-1', 'admin');
  app.createUser('agnes', 'agnes-password-1', 'agent');
  const seeded = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'tests/support/seed-failed-job.ts', failure],
    {
      env: { ...process.env, NODE_ENV: 'production', DATA_DIR: app.dataDir, SESSION_SECRET: e2eSessionSecret },
      encoding: 'utf8',
    },
  );
  if (seeded.status !== 0) throw new Error(`seeding a failed job failed: ${seeded.stderr}`);
});

test('an admin sees a failed job with its error and retries it', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'boss', 'boss-password-1');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();

  const failed = page.getByRole('region', { name: /^Failed/ });
  const row = failed.getByRole('row').filter({ hasText: failure });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').first()).toHaveText('mail-send');
  await expect(row).toContainText('9 of 9');
  await expect(
    page.getByRole('region', { name: 'Jobs per queue' }).getByRole('row', { name: /mail-send/ }),
  ).toContainText('1');
  await page.screenshot({ path: test.info().outputPath('admin-jobs-failed.png'), fullPage: true });

  await row.getByRole('button', { name: 'Retry' }).click();
  // The job leaves the failed list for the queue (and may already be back with one more attempt).
  await expect(failed).not.toContainText('9 of 9');
  await page.screenshot({ path: test.info().outputPath('admin-jobs-retried.png'), fullPage: true });

  // The retry is audited, and the worker took the job again (one more attempt allowed and made).
  await page.goto('admin/audit?action=job.');
  await expect(page.getByRole('cell', { name: 'Job retried', exact: true })).toBeVisible();
  // Whatever the mail handler makes of it, it is neither waiting nor the old failure any more.
  await expect(async () => {
    await page.goto('admin/jobs');
    await expect(page.getByRole('region', { name: /^Queued/ }).getByRole('row', { name: /mail-send/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: /^Failed/ })).not.toContainText('9 of 9');
  }).toPass({ timeout: 30_000 });
  await context.close();
});

test('a non-admin has no Jobs link and gets no page', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' })).toHaveCount(0);
  const response = await page.goto('admin/jobs');
  expect(response?.status()).toBe(404);
  await expect(page.getByText(failure)).toHaveCount(0);
  await context.close();
});
