import { expect, test } from '@playwright/test';
import { LoginPage } from './support/login-page';
import { openBrowser, sessionCookieName, sessionCookies, useAppServer } from './support/session';

const server = useAppServer((app) => {
  app.createUser('bob', 'bob-password-11', 'requester');
  app.createUser('carol', 'carol-password-1', 'requester');
});

test('a tampered cookie is "not signed in": the login page, never an error', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('bob', 'bob-password-11');
  await login.expectSignedIn('bob');
  const [cookie] = await sessionCookies(context);

  const flipped = cookie.value.slice(0, 40) + (cookie.value[40] === 'A' ? 'B' : 'A') + cookie.value.slice(41);
  for (const value of [
    flipped,
    cookie.value.slice(0, cookie.value.length - 10),
    'garbage',
    'Fe26.2*1*x*y*z*w*v*u',
    'A'.repeat(3900),
  ]) {
    await context.clearCookies();
    await context.addCookies([{ ...cookie, value }]);
    const response = await page.goto('sessions');
    expect(response?.status()).toBe(200);
    await login.expectOnLoginPage();
    const api = await page.request.get('api/auth/me');
    expect(api.status()).toBe(401);
  }
  await context.close();
});

test('next= never leaves the app', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);
  await login.goto('?next=https%3A%2F%2Fevil.example%2Fphish');
  await login.signIn('bob', 'bob-password-11');
  await login.expectSignedIn('bob');
  expect(new URL(page.url()).host).toBe(new URL(server.app.origin).host);

  await login.logOut();
  await login.goto('?next=%2F%2Fevil.example');
  await login.signIn('bob', 'bob-password-11');
  await login.expectSignedIn('bob');
  expect(new URL(page.url()).host).toBe(new URL(server.app.origin).host);

  // A path inside the app is honoured.
  await login.logOut();
  await page.goto('sessions');
  await login.expectOnLoginPage();
  await login.signIn('bob', 'bob-password-11');
  await expect(page.getByRole('heading', { name: 'Your sessions' })).toBeVisible();
  await context.close();
});

test('after 5 failed logins the account is locked for a while, even with the right password', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await login.goto(); // a fresh form each time, so no typing races the previous reply
    await login.signIn('carol', `wrong-password-${attempt}`);
    await expect(page.getByText('The username or password is incorrect.')).toBeVisible();
  }
  await login.goto();
  await login.signIn('carol', 'carol-password-1');
  await expect(page.getByText(/Too many failed sign-in attempts\. Try again in 15 minutes\./)).toBeVisible();
  expect(await sessionCookies(context)).toHaveLength(0);

  const api = await page.request.post('api/auth/login', { data: { username: 'carol', password: 'carol-password-1' } });
  expect(api.status()).toBe(429);
  expect(Number(api.headers()['retry-after'])).toBeGreaterThan(800);

  // Another account from the same address is not locked by carol's failures.
  await login.goto();
  await login.signIn('bob', 'bob-password-11');
  await login.expectSignedIn('bob');
  await context.close();
});

test('signed-in pages and auth answers are never cached', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn('bob', 'bob-password-11');
  for (const path of ['./', 'sessions', 'api/auth/me']) {
    const reply = await page.request.get(path);
    expect(reply.status()).toBe(200);
    expect(reply.headers()['cache-control']).toContain('no-store');
  }
  await context.close();
});

test('pages carry a per-request CSP nonce and security headers; no HSTS over plain HTTP', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.app.baseURL });
  const first = await api.get('login');
  const second = await api.get('login');
  const policy = first.headers()['content-security-policy'];
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(policy)![1];
  expect(await first.text()).toContain(`nonce="${nonce}"`);
  expect(second.headers()['content-security-policy']).not.toContain(nonce);
  expect(first.headers()).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' });
  expect(first.headers()['x-powered-by']).toBeUndefined();
  expect(first.headers()['strict-transport-security']).toBeUndefined();
  await api.dispose();
});

test('without a trusted proxy, a client cannot claim HTTPS or another address', async ({ browser, playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.app.baseURL });
  const spoofed = {
    'X-Forwarded-Proto': 'https',
    'X-Forwarded-For': '203.0.113.9',
    'X-Forwarded-Host': 'evil.example',
  };
  const login = await api.post('api/auth/login', {
    data: { username: 'bob', password: 'bob-password-11' },
    headers: spoofed,
  });
  expect(login.status()).toBe(200);
  const cookie = login.headersArray().find((header) => header.name.toLowerCase() === 'set-cookie')!.value;
  expect(cookie).not.toMatch(/; Secure/i);
  expect((await api.get('login', { headers: spoofed })).headers()['strict-transport-security']).toBeUndefined();

  const { context, page } = await openBrowser(browser, server.app);
  await context.addCookies([
    { name: sessionCookieName, value: cookie.split(';')[0].split('=').slice(1).join('='), url: server.app.baseURL },
  ]);
  await page.goto('sessions');
  await expect(page.getByRole('heading', { name: 'Your sessions' })).toBeVisible();
  await expect(page.locator('tbody')).toContainText('127.0.0.1');
  await expect(page.locator('tbody')).not.toContainText('203.0.113.9');
  await context.close();
  await api.dispose();
});

test('health and readiness answer without signing in and reveal nothing secret', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.app.baseURL });
  const health = await api.get('api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', version: expect.any(String) });
  const ready = await api.get('api/health/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
  expect(ready.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  expect(JSON.stringify([await health.json(), await ready.json()])).not.toMatch(/secret|password|postgres:\/\//i);
  // Health is answered by the custom server, readiness and the login page's script by Next.js: the
  // same security headers on each.
  const login = await api.get('login');
  const script = /src="([^"]+\/_next\/static\/[^"]+\.js)"/.exec(await login.text())![1];
  for (const reply of [health, ready, login, await api.get(script)]) {
    expect(reply.status()).toBe(200);
    expect(reply.headers()).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'x-frame-options': 'DENY',
    });
  }
  expect(health.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  await api.dispose();
});

test('the JSON login sets the same cookie and /api/auth/me answers with the user', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.app.baseURL });
  const bad = await api.post('api/auth/login', { data: { username: 'bob' } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.fields.password).toBeTruthy();

  const ok = await api.post('api/auth/login', {
    data: { username: 'BOB', password: 'bob-password-11', remember: true },
  });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).user).toMatchObject({ username: 'bob', role: 'requester' });
  const setCookie = ok
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value);
  expect(setCookie.filter((v) => v.startsWith(`${sessionCookieName}=`))).toHaveLength(1);
  // Max-Age is the session's remaining lifetime in whole seconds: 7 days, or a second less when a
  // second boundary passed between storing the session and writing the cookie.
  const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie[0])?.[1]);
  expect(maxAge).toBeGreaterThanOrEqual(604_799);
  expect(maxAge).toBeLessThanOrEqual(604_800);

  // The server's JSON log ties the sign-in to this request, and never holds the password or cookie.
  // The request's own line is written once the response has gone, so it may reach the log just after the reply.
  const requestId = ok.headers()['x-request-id'];
  const eventsOfRequest = () =>
    server.app
      .logs()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { event: string; requestId?: string })
      .filter((entry) => entry.requestId === requestId)
      .map((entry) => entry.event);
  await expect.poll(eventsOfRequest).toEqual(expect.arrayContaining(['auth.login_success', 'http.request']));
  expect(server.app.logs()).not.toContain('bob-password-11');
  expect(server.app.logs()).not.toContain(setCookie[0].split(';')[0].split('=').slice(1).join('='));

  const me = await api.get('api/auth/me');
  expect(await me.json()).toEqual({
    user: { id: expect.any(String), username: 'bob', displayName: 'bob', role: 'requester' },
  });
  expect(JSON.stringify(await me.json())).not.toMatch(/hash|password/i);

  const foreign = await api.post('api/auth/logout', { headers: { Origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  expect((await api.get('api/auth/me')).status()).toBe(200);

  expect((await api.post('api/auth/logout')).status()).toBe(200);
  expect((await api.get('api/auth/me')).status()).toBe(401);
  // Signed out already (the cookie was cleared): signing out again still succeeds.
  const again = await api.post('api/auth/logout');
  expect([again.status(), await again.json()]).toEqual([200, { ok: true }]);
  await api.dispose();
});
