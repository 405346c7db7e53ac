// Attacks a security probe tried and the app withstood, kept here so they stay withstood: session
// fixation, mass assignment, prototype keys in JSON bodies, formulas in CSV exports, and forged
// forwarded headers against the sign-in limit. Each runs against the real server, as a client would.
import { expect, request, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { e2eBasePath } from './support/constants';
import { LoginPage } from './support/login-page';
import { openBrowser, sessionCookieName, sessionCookies, useAppServer } from './support/session';

// Low, so the last test reaches the per-address limit in a few requests (no other test here fails a sign-in).
const maxFailuresPerAddress = 6;
const server = useAppServer(
  (app) => {
    app.createUser('bob', 'bob-password-11', 'requester');
    app.createUser('agnes', 'agnes-password-1', 'agent');
  },
  { LOGIN_MAX_FAILURES_PER_ADDRESS: String(maxFailuresPerAddress) },
);

const passwords: Record<string, string> = {
  bob: 'bob-password-11',
  agnes: 'agnes-password-1',
};

/** The value our session cookie is set to by a reply. */
function sessionCookieOf(reply: APIResponse): string {
  const header = reply
    .headersArray()
    .find((entry) => entry.name.toLowerCase() === 'set-cookie' && entry.value.startsWith(`${sessionCookieName}=`));
  expect(header, 'the reply sets the session cookie').toBeDefined();
  return header!.value.split(';')[0].slice(sessionCookieName.length + 1);
}

/** A client whose requests each say which cookie they carry (its own jar would send the last one it was given). */
async function newClient(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: server.app.baseURL });
}

const withCookie = (value: string) => ({ cookie: `${sessionCookieName}=${value}` });

async function whoIs(api: APIRequestContext, cookie: string): Promise<string | number> {
  const reply = await api.get('api/auth/me', { headers: withCookie(cookie) });
  return reply.status() === 200
    ? ((await reply.json()) as { user: { username: string } }).user.username
    : reply.status();
}

/** Signs in from a client of its own, sending `headers`; resolves with the session cookie it was given. */
async function signInOverJson(username: string, headers: Record<string, string> = {}): Promise<string> {
  const client = await newClient();
  try {
    const reply = await client.post('api/auth/login', { data: { username, password: passwords[username] }, headers });
    expect(reply.status()).toBe(200);
    return sessionCookieOf(reply);
  } finally {
    await client.dispose();
  }
}

async function idOf(api: APIRequestContext, username: string): Promise<string> {
  const reply = await api.get('api/auth/me', { headers: withCookie(await signInOverJson(username)) });
  return ((await reply.json()) as { user: { id: string } }).user.id;
}

test('a sign-in never adopts the cookie the client held before (session fixation)', async ({ browser }) => {
  const api = await newClient();

  // An attacker's own live session planted in the victim's client: the sign-in ends it, never upgrades it.
  const planted = await signInOverJson('agnes');
  const issued = await signInOverJson('bob', withCookie(planted));
  expect(issued).not.toBe(planted);
  expect(await whoIs(api, issued)).toBe('bob');
  expect(await whoIs(api, planted)).toBe(401);

  // Through the sign-in form: a cookie from an earlier, logged-out session, and a forged one.
  const earlier = await signInOverJson('bob');
  expect((await api.post('api/auth/logout', { headers: withCookie(earlier) })).status()).toBe(200);
  for (const before of [earlier, 'Fe26.2**forged*cookie*value']) {
    const { context, page } = await openBrowser(browser, server.app);
    // Planted where the app's own cookie lives, so that it is the one the sign-in must replace.
    await context.addCookies([{ name: sessionCookieName, value: before, domain: '127.0.0.1', path: e2eBasePath }]);
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('bob', passwords.bob);
    await login.expectSignedIn('bob');
    const cookies = await sessionCookies(context);
    expect(cookies).toHaveLength(1);
    const [after] = cookies;
    expect(after.value).not.toBe(before);
    expect(await whoIs(api, after.value)).toBe('bob');
    expect(await whoIs(api, before)).toBe(401);
    await context.close();
  }
  await api.dispose();
});

test('a requester cannot set fields the app decides (mass assignment)', async ({ browser }) => {
  const api = await newClient();
  const bob = withCookie(await signInOverJson('bob'));
  const agnesId = await idOf(api, 'agnes');
  const ticketCount = async () =>
    ((await (await api.get('api/tickets', { headers: bob })).json()) as { total: number }).total;

  // The JSON route names every field it does not take, and creates nothing.
  const before = await ticketCount();
  for (const extra of [
    { status: 'closed' },
    { assigneeId: agnesId },
    { createdBy: agnesId },
    { ownerId: agnesId },
    { role: 'admin' },
    { number: 1 },
  ]) {
    const reply = await api.post('api/tickets', { data: { title: 'Mass assignment', ...extra }, headers: bob });
    expect(reply.status(), JSON.stringify(extra)).toBe(400);
    expect(JSON.stringify((await reply.json()).error)).toContain(Object.keys(extra)[0]);
  }
  const forSomeoneElse = await api.post('api/tickets', {
    data: { title: 'Mass assignment', requesterId: agnesId },
    headers: bob,
  });
  expect(forSomeoneElse.status()).toBe(403);
  expect(await ticketCount()).toBe(before);

  // Changing a ticket: the same, and nothing changes.
  const own = await api.post('api/tickets', { data: { title: 'Printer jams' }, headers: bob });
  expect(own.status()).toBe(201);
  const ticket = (await own.json()) as { id: string; version: number };
  for (const extra of [{ requesterId: agnesId }, { createdBy: agnesId }, { number: 1 }, { assigneeId: agnesId }]) {
    const reply = await api.patch(`api/tickets/${ticket.id}`, {
      data: { version: ticket.version, ...extra },
      headers: bob,
    });
    expect([400, 403], JSON.stringify(extra)).toContain(reply.status());
  }
  const unchanged = await (await api.get(`api/tickets/${ticket.id}`, { headers: bob })).json();
  expect(unchanged).toMatchObject({ version: ticket.version, requester: { username: 'bob' }, assignee: null });

  // The new-ticket form with fields added to it: the action takes only its own.
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('bob', passwords.bob);
  await login.expectSignedIn('bob');
  await page.goto('tickets/new');
  await page.getByLabel('Title').fill('Form with extra fields');
  await page.locator('form:has(input[name="title"])').evaluate(
    (form, values) => {
      for (const [name, value] of Object.entries(values)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.appendChild(input);
      }
    },
    { status: 'closed', assigneeId: agnesId, createdBy: agnesId, ownerId: agnesId, role: 'admin' },
  );
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}(\?created=1)?$/);
  const createdId = /\/tickets\/([0-9a-f-]{36})/.exec(page.url())![1];
  const created = await (await page.request.get(`api/tickets/${createdId}`)).json();
  expect(created).toMatchObject({ status: 'new', assignee: null, requester: { username: 'bob' } });
  expect((await (await page.request.get('api/auth/me')).json()).user.role).toBe('requester');
  await context.close();
  await api.dispose();
});

test('prototype keys in JSON bodies are refused or ignored, never applied and never a 500', async () => {
  const api = await newClient();
  const bob = withCookie(await signInOverJson('bob'));
  const agnesId = await idOf(api, 'agnes');
  const asJson = { ...bob, 'content-type': 'application/json' };
  const ticket = (await (await api.post('api/tickets', { data: { title: 'Keyboard' }, headers: bob })).json()) as {
    id: string;
    version: number;
  };
  const total = async () =>
    ((await (await api.get('api/tickets', { headers: bob })).json()) as { total: number }).total;
  const before = await total();

  // Raw text, since a JSON serializer would drop or rename these keys.
  for (const [method, path, body] of [
    ['POST', 'api/tickets', '{"title":"Proto","__proto__":{"status":"closed","assigneeId":"' + agnesId + '"}}'],
    ['POST', 'api/tickets', '{"title":"Proto","constructor":{"prototype":{"status":"closed"}}}'],
    ['POST', 'api/tickets', '{"title":"Proto","prototype":{"status":"closed"}}'],
    ['POST', 'api/tickets', '{"title":"Proto","assetIds":{"__proto__":[]}}'],
    ['PATCH', `api/tickets/${ticket.id}`, `{"version":${ticket.version},"__proto__":{"assigneeId":"${agnesId}"}}`],
  ]) {
    const reply = await api.fetch(path, { method, data: body, headers: asJson });
    expect(reply.status(), body).toBe(400);
    expect((await reply.json()).error.code).toBe('validation_failed');
  }
  expect(await total()).toBe(before);
  expect(await (await api.get(`api/tickets/${ticket.id}`, { headers: bob })).json()).toMatchObject({
    version: ticket.version,
    assignee: null,
  });

  // The sign-in body drops keys it does not know: an inherited "remember" must not make the cookie last.
  const fresh = await newClient();
  const login = await fresh.post('api/auth/login', {
    data: `{"username":"bob","password":"${passwords.bob}","__proto__":{"remember":true}}`,
    headers: { 'content-type': 'application/json' },
  });
  await fresh.dispose();
  expect(login.status()).toBe(200);
  const setCookie = login.headersArray().find((entry) => entry.name.toLowerCase() === 'set-cookie')!.value;
  expect(setCookie).not.toMatch(/max-age/i);

  // Nothing reached other objects: bob is still a requester everywhere, to whom licenses are "not found".
  const session = withCookie(sessionCookieOf(login));
  expect((await (await api.get('api/auth/me', { headers: session })).json()).user.role).toBe('requester');
  expect((await api.get('api/licenses', { headers: session })).status()).toBe(404);
  await api.dispose();
});

test('cells a spreadsheet would run as a formula are exported as text', async () => {
  const api = await newClient();
  const agnes = withCookie(await signInOverJson('agnes'));
  const formulas = ['=HYPERLINK("http://evil.example","Open")', '+SUM(1,2)', '-2+3', '@SUM(A1:A2)'];
  const titles = [...formulas, 'Plain title'];
  for (const title of titles) {
    expect((await api.post('api/tickets', { data: { title }, headers: agnes })).status()).toBe(201);
  }
  const reply = await api.get('api/tickets/export?view=all', { headers: agnes });
  expect(reply.status()).toBe(200);
  const rows = parse<{ Title: string }>(await reply.text(), { bom: true, columns: true });
  const exported = rows.map((row) => row.Title);
  for (const formula of formulas) expect(exported).toContain(`'${formula}`);
  expect(exported).toContain('Plain title');
  for (const formula of formulas) expect(exported).not.toContain(formula);
  await api.dispose();
});

// Last in this file: it uses up the sign-in failures allowed from this machine's address.
test('forged forwarded headers from an untrusted client do not dodge the per-address sign-in limit', async () => {
  const api = await newClient();
  const claiming = (address: string) => ({
    'X-Forwarded-For': address,
    'X-Real-IP': address,
    Forwarded: `for=${address}`,
  });
  // Another username each time, so only the address's count can reach its limit.
  for (let attempt = 1; attempt <= maxFailuresPerAddress; attempt++) {
    const reply = await api.post('api/auth/login', {
      data: { username: `nobody-${attempt}`, password: 'wrong-password-1' },
      headers: claiming(`198.51.100.${attempt}`),
    });
    expect(reply.status()).toBe(401);
  }
  const blocked = await api.post('api/auth/login', {
    data: { username: 'bob', password: passwords.bob },
    headers: claiming('198.51.100.200'),
  });
  expect(blocked.status()).toBe(429);
  expect(Number(blocked.headers()['retry-after'])).toBeGreaterThan(0);
  await api.dispose();
});
