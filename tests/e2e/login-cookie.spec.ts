import { expect, test } from '@playwright/test';
import { LoginPage } from './support/login-page';
import { e2eSessionSecret } from './support/constants';
import { openBrowser, sessionCookieName, sessionCookies, useAppServer } from './support/session';

const server = useAppServer((app) => app.createUser('alice', 'alice-password-1', 'agent'));
const sevenDays = 7 * 24 * 3600;

test('login sets one HttpOnly, SameSite=Lax session cookie on the base path, hidden from scripts', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);
  await login.goto();
  const setCookie = page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().includes('/login'),
  );
  await login.signIn('alice', 'alice-password-1');
  const header = (await (await setCookie).headersArray())
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value);
  await login.expectSignedIn('alice');

  expect(header.filter((value) => value.startsWith(`${sessionCookieName}=`))).toHaveLength(1);
  const raw = header.find((value) => value.startsWith(`${sessionCookieName}=`))!;
  expect(raw).toMatch(/; Path=\/it-assets-manager(;|$)/);
  expect(raw).toMatch(/; HttpOnly/i);
  expect(raw).toMatch(/; SameSite=lax/i);
  expect(raw).not.toMatch(/; Secure/i); // plain HTTP without a proxy
  expect(raw).not.toMatch(/Max-Age|Expires/i); // no "remember me": a browser-session cookie

  const cookies = await sessionCookies(context);
  expect(cookies).toHaveLength(1);
  expect(cookies[0]).toMatchObject({
    httpOnly: true,
    sameSite: 'Lax',
    path: '/it-assets-manager',
    secure: false,
    expires: -1,
  });
  expect(await page.evaluate(() => document.cookie)).not.toContain(sessionCookieName);

  await page.reload();
  await login.expectSignedIn('alice');
  await context.close();
});

test('"remember me" makes the cookie last SESSION_TTL (7 days)', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('alice', 'alice-password-1', { remember: true });
  await login.expectSignedIn('alice');
  const [cookie] = await sessionCookies(context);
  const expected = Date.now() / 1000 + sevenDays;
  expect(Math.abs(cookie.expires - expected)).toBeLessThan(120);
  await context.close();
});

test('the session survives a restart of the server', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('alice', 'alice-password-1', { remember: true });
  await login.expectSignedIn('alice');

  await server.app.restart();
  await page.goto('./');
  await login.expectSignedIn('alice');
  await context.close();
});

test('logout clears the cookie, and a saved copy of it no longer works anywhere', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('alice', 'alice-password-1');
  await login.expectSignedIn('alice');
  const [saved] = await sessionCookies(context);

  await page.getByRole('button', { name: 'Log out' }).click();
  await login.expectOnLoginPage();
  expect(await sessionCookies(context)).toHaveLength(0);

  // Replay the old cookie from a fresh browser and from a script.
  const { context: thief, page: thiefPage } = await openBrowser(browser, server.app);
  await thief.addCookies([saved]);
  await thiefPage.goto('./');
  await new LoginPage(thiefPage).expectOnLoginPage();
  const me = await fetch(`${server.app.baseURL}api/auth/me`, {
    headers: { cookie: `${sessionCookieName}=${saved.value}` },
  });
  expect(me.status).toBe(401);
  await thief.close();
  await context.close();
});

test('without JavaScript, signing in and out stays under the base path', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.app.baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('login?next=%2Fsessions');
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('The username or password is incorrect.')).toBeVisible();

  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('alice-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/it-assets-manager\/sessions$/);
  await expect(page.getByRole('heading', { name: 'Your sessions' })).toBeVisible();

  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/it-assets-manager\/login\?signedOut=1$/);
  await expect(page.getByText('You are signed out.')).toBeVisible();
  expect(await sessionCookies(context)).toHaveLength(0);
  await context.close();
});

test('rotating the secret signs nobody out: old cookies are re-sealed with the new secret', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('alice', 'alice-password-1', { remember: true });
  await login.expectSignedIn('alice');
  const [sealedWithOld] = await sessionCookies(context);

  const newSecret = 'rotated-secret-abcdefghijklmnopqrstuvwxyz-0123';
  server.app.setEnv({ SESSION_SECRET: `${newSecret},${e2eSessionSecret}` });
  await server.app.restart();
  await page.goto('./');
  await login.expectSignedIn('alice');
  const [resealed] = await sessionCookies(context);
  expect(resealed.value).not.toBe(sealedWithOld.value);
  expect(Math.abs(resealed.expires - sealedWithOld.expires)).toBeLessThan(5); // same session, same end

  // Once the old secret is dropped, the re-sealed cookie still works and the old one does not.
  server.app.setEnv({ SESSION_SECRET: newSecret });
  await server.app.restart();
  await page.goto('./');
  await login.expectSignedIn('alice');
  await context.addCookies([sealedWithOld]);
  await page.goto('./');
  await login.expectOnLoginPage();
  server.app.setEnv({ SESSION_SECRET: e2eSessionSecret });
  await context.close();
});
