import { expect, test } from '@playwright/test';
import { startEmbeddedPostgres, type EmbeddedServer } from '../support/embedded-postgres';
import { AppServer } from './support/app-server';
import { LoginPage } from './support/login-page';
import { openBrowser } from './support/session';

// The app on a real PostgreSQL server that this spec stops and starts again.
let database: EmbeddedServer;
let app: AppServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = await startEmbeddedPostgres();
  app = new AppServer({ DATABASE_URL: database.url });
  app.createUser('erin', 'erin-password-1', 'agent');
  await app.start();
});
test.afterAll(async () => {
  await app?.dispose();
  await database?.dispose();
});

async function waitForReadiness(expected: number): Promise<void> {
  await expect
    .poll(async () => (await fetch(`${app.baseURL}api/health/ready`)).status, { timeout: 20_000, intervals: [250] })
    .toBe(expected);
}

test('while the database is down: a clear 503, nobody let in, no crash; it recovers by itself', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await openBrowser(browser, app);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('erin', 'erin-password-1', { remember: true });
  await login.expectSignedIn('erin');

  await database.pause();
  await waitForReadiness(503);
  const ready = await (await fetch(`${app.baseURL}api/health/ready`)).json();
  expect(ready).toMatchObject({ status: 'unavailable', failed: 'database' });

  // Each process notices within its probe interval (2 s).
  await expect
    .poll(async () => (await page.goto('sessions'))?.status(), { timeout: 10_000, intervals: [500] })
    .toBe(503);
  await expect(page.getByRole('heading', { name: 'Service unavailable' })).toBeVisible();
  expect(await page.content()).not.toMatch(/ECONNREFUSED|at .+\.js:\d+|select /i);

  const api = await page.request.get('api/auth/me');
  expect(api.status()).toBe(503);
  expect((await api.json()).error.code).toBe('unavailable');

  // Nobody gets in while the database is away, not even with the right password.
  const anonymous = await openBrowser(browser, app);
  expect((await anonymous.page.goto('login'))?.status()).toBe(503);
  const attempt = await anonymous.page.request.post('api/auth/login', {
    data: { username: 'erin', password: 'erin-password-1' },
  });
  expect(attempt.status()).toBe(503);
  expect(attempt.headers()['set-cookie']).toBeUndefined();

  await database.start();
  await waitForReadiness(200);
  await expect.poll(async () => (await page.goto('./'))?.status(), { timeout: 10_000, intervals: [500] }).toBe(200);
  await login.expectSignedIn('erin');
  await anonymous.context.close();
  await context.close();
});
