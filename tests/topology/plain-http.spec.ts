import { expect, test } from '@playwright/test';
import { AppServer } from '../e2e/support/app-server';
import { topologyDistDir } from './support/constants';

// The other end of the range: one process, no proxy, plain HTTP, the embedded database.
const app = new AppServer({ NEXT_DIST_DIR: topologyDistDir });

test.beforeAll(async () => {
  app.createUser('pat', 'pat-password-1', 'agent');
  await app.start();
});
test.afterAll(async () => {
  await app.dispose();
});

test('without a proxy over plain HTTP on the embedded database: signed in, cookie not Secure, logout ends it', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: app.baseURL });
  const page = await context.newPage();
  await page.goto('login');
  await page.getByLabel('Username').fill('pat');
  await page.getByLabel('Password').fill('pat-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Welcome, pat/ })).toBeVisible();
  const [session] = (await context.cookies()).filter((entry) => entry.name === 'ticketing_session');
  expect(session).toMatchObject({ secure: false, httpOnly: true, sameSite: 'Lax', path: '/it-assets-manager' });
  expect((await page.request.get('api/health/ready')).status()).toBe(200);
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login\?signedOut=1$/);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  const replay = await fetch(`${app.baseURL}api/auth/me`, {
    headers: { cookie: `ticketing_session=${session.value}` },
  });
  expect(replay.status).toBe(401);
  await context.close();
});
