import { expect, test } from '@playwright/test';
import { request, steadyStream } from './support/http';
import { Stack } from './support/stack';

// PM2 cluster (2 workers) on PostgreSQL behind nginx with TLS, under /it-assets-manager.
const stack = new Stack();
let cookie = '';

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  test.setTimeout(240_000);
  await stack.start();
});
test.afterEach(({}, testInfo) => {
  // What PM2 and the workers logged is the only account of a failure once the stack is gone.
  if (testInfo.status !== testInfo.expectedStatus) console.log(stack.pm2.diagnostics());
});
test.afterAll(async () => {
  await stack.stop();
});

const me = (sessionCookie = cookie) =>
  request(`${stack.publicBase}api/auth/me`, { headers: { cookie: sessionCookie } });

async function apiLogin(username: string, password: string): Promise<string> {
  const reply = await request(`${stack.publicBase}api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(reply.status).toBe(200);
  const setCookie = ([] as string[]).concat(reply.headers['set-cookie'] ?? []);
  return setCookie[0].split(';')[0];
}

test('signing in over HTTPS (a server action, public host ≠ upstream host) sets a Secure, HttpOnly, Lax cookie on the sub-path', async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: stack.publicBase, ignoreHTTPSErrors: true });
  const page = await context.newPage();
  await page.goto('login');
  await page.getByLabel('Username').fill('walt');
  await page.getByLabel('Password').fill('walt-password-1');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: /Welcome, walt/ })).toBeVisible();
  const [session] = (await context.cookies()).filter((entry) => entry.name === 'ticketing_session');
  expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/it-assets-manager' });
  await context.close();
});

// Eight diagnostics pages at once, so that several connections are open and the cluster spreads
// them (it may still send all eight to one worker); each with the process id that answered it.
const diagnosticsPages = (adminCookie: string) =>
  Promise.all(
    Array.from({ length: 8 }, async () => {
      const page = await request(`${stack.publicBase}admin/diagnostics`, { headers: { cookie: adminCookie } });
      return { page, pid: /Instance \(process id\)<\/dt><dd>(\d+)/.exec(page.body)?.[1] };
    }),
  );

test('requests land on both workers and the session is valid on each', async () => {
  const adminCookie = await apiLogin('admin', 'admin-password-1');
  const pids = new Set<string>();
  for (let round = 0; round < 5 && pids.size < 2; round++) {
    for (const { page, pid } of await diagnosticsPages(adminCookie)) {
      expect(page.status).toBe(200);
      expect(pid).toBeTruthy();
      pids.add(pid!);
      expect(page.body).toMatch(/Scheme the app sees<\/dt><dd>https</); // nginx's scheme, trusted
    }
  }
  expect(pids.size).toBe(2);
  const login = await request(`${stack.publicBase}login`);
  expect(login.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect((await stack.workerPids()).map(String).sort()).toEqual([...pids].sort());
});

test('logging out through one worker makes the old cookie useless on the other', async () => {
  const session = await apiLogin('walt', 'walt-password-1');
  for (let attempt = 0; attempt < 6; attempt++) expect((await me(session)).status).toBe(200); // cached on both
  const logout = await request(`${stack.publicBase}api/auth/logout`, { method: 'POST', headers: { cookie: session } });
  expect(logout.status).toBe(200);
  // Another worker may trust its cached check for at most SESSION_CHECK_CACHE (2 s).
  await new Promise((resolve) => setTimeout(resolve, 2500));
  for (let attempt = 0; attempt < 10; attempt++) expect((await me(session)).status).toBe(401);
});

test('pm2 reload under a steady stream of requests: no failed request, still signed in', async () => {
  cookie = await apiLogin('walt', 'walt-password-1');
  const before = await stack.workerPids();
  const { failures, cut, total } = await steadyStream(() => me(), stack.pm2.runAsync(['reload', 'it-assets-manager']));
  console.log(`pm2 reload: ${total} requests, ${failures.length} failed, ${cut.length} cut off`);
  expect([...failures, ...cut]).toEqual([]);
  const after = await stack.workerPids();
  expect(after.some((pid) => before.includes(pid))).toBe(false);
  expect((await me()).status).toBe(200);
});

test('pm2 restart, and a full stop and start: still signed in', async () => {
  stack.pm2.run(['restart', 'it-assets-manager']);
  await stack.waitFor(`${stack.publicBase}api/health/ready`, 200);
  expect((await me()).status).toBe(200);
  stack.pm2.run(['stop', 'it-assets-manager']);
  expect((await request(`${stack.publicBase}api/health`)).status).toBe(502);
  stack.pm2.run(['start', 'it-assets-manager']);
  await stack.waitFor(`${stack.publicBase}api/health/ready`, 200);
  expect((await me()).status).toBe(200);
  expect(await stack.workerPids()).toHaveLength(2); // both back, not only the first to be ready
});

test('kill -9 of one worker under load: requests keep succeeding and PM2 starts a new worker', async () => {
  const [victim, survivor] = await stack.workerPids();
  const parallel = 4;
  // PM2 is asked without blocking this process, so the requests in flight keep being read.
  const replaced = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    process.kill(victim, 'SIGKILL');
    return stack.pm2.waitForWorkers((pids) => pids.length === 2 && !pids.includes(victim), 60_000);
  })();
  const { failures, cut, total } = await steadyStream(() => me(), replaced, parallel);
  console.log(`kill -9: ${total} requests, ${failures.length} failed, ${cut.length} cut off`);
  // nginx retries on the other worker whatever had no answer yet. An answer the victim had begun
  // (headers gone, Next's final chunk not yet) cannot be retried: at most one per stream in flight.
  expect(failures).toEqual([]);
  expect(cut.length).toBeLessThanOrEqual(parallel);
  expect(await replaced).toContain(survivor);
});

test('database stopped: readiness 503 and the 503 page; database back: service recovers without a restart', async () => {
  const session = await apiLogin('walt', 'walt-password-1');
  const workers = await stack.workerPids();
  // With NODE_CLUSTER_SCHED_POLICY=none the kernel hands each connection to whichever worker
  // accepts first, so requests alone may never reach a lagging worker: each worker's log says when
  // it judged the database gone and back.
  const everyWorkerLogged = (event: string, since: Date) =>
    expect
      .poll(() => workers.filter((pid) => stack.pm2.pidsThatLogged(event, since).has(pid)).length, {
        timeout: 15_000,
        message: `every worker logs ${event}`,
      })
      .toBe(workers.length);

  const stopped = new Date();
  await stack.database.pause();
  await stack.waitFor(`${stack.publicBase}api/health/ready`, 503, 20_000);
  // Each worker notices within its probe interval (2 s).
  await everyWorkerLogged('database.unavailable', stopped);
  const pages = () =>
    Promise.all(
      Array.from({ length: 8 }, () => request(`${stack.publicBase}sessions`, { headers: { cookie: session } })),
    );
  for (const page of await pages()) {
    expect(page.status).toBe(503);
    expect(page.body).toContain('Service unavailable');
  }
  expect(await stack.workerPids()).toHaveLength(2); // no crash loop

  const restarted = new Date();
  await stack.database.start();
  await stack.waitFor(`${stack.publicBase}api/health/ready`, 200, 30_000);
  await everyWorkerLogged('database.available', restarted);
  for (const page of await pages()) expect(page.status).toBe(200);
  for (const reply of await Promise.all(Array.from({ length: 8 }, () => me(session)))) expect(reply.status).toBe(200);
  expect((await stack.workerPids()).sort()).toEqual([...workers].sort()); // recovered without a restart
});

test('a server action with a foreign Origin is refused and changes nothing', async ({ playwright }) => {
  // Replays the login form's own no-JavaScript post, once from the right origin and once not.
  const api = await playwright.request.newContext({
    baseURL: stack.publicBase,
    ignoreHTTPSErrors: true,
    maxRedirects: 0,
  });
  const formPost = async (origin: string) => {
    const form = await api.get('login');
    expect(form.status()).toBe(200);
    const html = await form.text();
    const fields: Record<string, string> = {};
    for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) {
      fields[name] = (value ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    }
    expect(Object.keys(fields).some((name) => name.startsWith('$ACTION'))).toBe(true);
    return api.post('login', {
      multipart: { ...fields, username: 'walt', password: 'walt-password-1' },
      headers: { Origin: origin },
    });
  };
  const setsSession = (reply: { headersArray: () => { name: string; value: string }[] }) =>
    reply
      .headersArray()
      .some(
        (header) =>
          header.name.toLowerCase() === 'set-cookie' &&
          header.value.startsWith('ticketing_session=') &&
          !header.value.startsWith('ticketing_session=;'),
      );

  const foreign = await formPost('https://evil.example');
  expect(foreign.status()).toBeGreaterThanOrEqual(400);
  expect(setsSession(foreign)).toBe(false);

  const sameSite = await formPost(new URL(stack.publicBase).origin);
  expect(sameSite.status()).toBe(303);
  expect(setsSession(sameSite)).toBe(true);
  await api.dispose();
});
