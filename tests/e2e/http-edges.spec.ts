import net from 'node:net';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { openBrowser, useAppServer } from './support/session';

// The answers at the edges of HTTP: addresses and methods nobody serves, bodies too large, requests
// from other sites, the policy of a served file, and what the server log says when a page fails.
const passwords = { ada: 'ada-password-11', root: 'root-password-1' };
const server = useAppServer((app) => {
  app.createUser('ada', passwords.ada, 'agent');
  app.createUser('root', passwords.root, 'admin');
});

const foreignOrigin = 'https://evil.example';
const crossSite: Record<string, string>[] = [{ Origin: foreignOrigin }, { 'Sec-Fetch-Site': 'cross-site' }];
const jsonPolicy = "default-src 'none'; frame-ancestors 'none'";

type Playwright = { request: { newContext: (options: object) => Promise<APIRequestContext> } };

async function signedInApi(playwright: Playwright, username: keyof typeof passwords = 'ada') {
  const api = await playwright.request.newContext({ baseURL: server.app.baseURL, maxRedirects: 0 });
  const login = await api.post('api/auth/login', { data: { username, password: passwords[username] } });
  expect(login.status()).toBe(200);
  const cookie = login.headers()['set-cookie'].split(';')[0];
  return { api, cookie };
}

async function expectErrorBody(reply: APIResponse | Response, status: number, code: string) {
  expect(reply instanceof Response ? reply.status : reply.status()).toBe(status);
  const body = (await reply.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
}

/** A body sent in chunks, with no Content-Length: only counting what arrives can refuse it. */
function chunkedUpload(
  method: string,
  url: string,
  headers: { cookie: string; 'content-type': string },
  parts: Uint8Array[],
): Promise<Response> {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return fetch(url, { method, headers, body, duplex: 'half' } as RequestInit);
}

/** The hidden fields of the login form, which name its server action. */
async function loginFormFields(api: APIRequestContext): Promise<Record<string, string>> {
  const html = await (await api.get('login')).text();
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="(\$ACTION[^"]*)"(?: value="([^"]*)")?\/>/g)].map(
      ([, name, value]) => [name, (value ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&')],
    ),
  );
  expect(Object.keys(fields).length).toBeGreaterThan(0);
  return fields;
}

/** The id of the login form's server action, as the page's own script would send it. */
async function loginActionId(api: APIRequestContext): Promise<string> {
  const reference = Object.values(await loginFormFields(api)).find((value) => value.includes('"id"'));
  return (JSON.parse(reference!) as { id: string }).id;
}

test('every /api/ answer is the one JSON error body: unknown address, wrong method, body too large', async ({
  playwright,
}) => {
  const { api, cookie } = await signedInApi(playwright);
  for (const reply of [
    await api.get('api/no-such-thing'),
    await api.post('api/licenses/deeper/still/unknown', { data: {} }),
    await api.delete('api/nowhere'),
  ]) {
    await expectErrorBody(reply, 404, 'not_found');
    expect(reply.headers()['content-type']).toContain('application/json');
  }

  const wrongMethod = await api.delete('api/dashboard');
  await expectErrorBody(wrongMethod, 405, 'method_not_allowed');
  expect(wrongMethod.headers()['allow']).toBe('GET, HEAD, OPTIONS');
  const patchOnly = await api.put('api/tickets/00000000-0000-4000-8000-000000000000', { data: {} });
  await expectErrorBody(patchOnly, 405, 'method_not_allowed');
  expect(patchOnly.headers()['allow']).toBe('GET, PATCH, HEAD, OPTIONS');
  const options = await api.fetch('api/licenses', { method: 'OPTIONS' });
  expect(options.status()).toBe(204);
  expect(options.headers()['allow']).toBe('GET, POST, HEAD, OPTIONS');

  // Past 10 MB Next.js passes on only the start of a body; that start must not pass for the whole.
  const created = await api.post('api/assets', {
    data: { assetTag: 'EDGE-1', name: 'Edge laptop', category: 'laptop' },
  });
  expect(created.status()).toBe(201);
  const { asset } = (await created.json()) as { asset: { id: string } };
  const megabyte = new Uint8Array(1024 * 1024).fill(0x61);
  const boundary = 'edge-boundary';
  const imageUpload = await chunkedUpload(
    'PUT',
    `${server.app.baseURL}api/assets/${asset.id}/image`,
    { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    [
      new TextEncoder().encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="image"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      ...Array.from({ length: 11 }, () => megabyte),
      new TextEncoder().encode(`\r\n--${boundary}--\r\n`),
    ],
  );
  await expectErrorBody(imageUpload, 413, 'payload_too_large');
  const jsonUpload = await chunkedUpload(
    'PATCH',
    `${server.app.baseURL}api/licenses/00000000-0000-4000-8000-000000000000`,
    { cookie, 'content-type': 'application/json' },
    [new TextEncoder().encode('{"name":"'), ...Array.from({ length: 11 }, () => megabyte)],
  );
  await expectErrorBody(jsonUpload, 413, 'payload_too_large');
  await api.dispose();
});

test('an address naming nothing is "not found", and one with a broken escape "bad request": never a crash', async ({
  playwright,
}) => {
  const { api } = await signedInApi(playwright, 'root');
  const nobody = '00000000-0000-4000-8000-000000000000';
  const pagesWithAnId = [
    'assets/X',
    'assets/X/edit',
    'licenses/X',
    'kb/X',
    'kb/X/edit',
    'bulk/X',
    'locations/X',
    'locations/X/audit',
    'locations/X/audits/X',
    'admin/users/X',
    'tickets/X',
    'a/X',
  ];
  for (const page of pagesWithAnId)
    for (const id of [nobody, 'not-an-id', '%00']) {
      const address = page.replaceAll('X', id);
      expect((await api.get(address)).status(), address).toBe(404);
    }

  for (const address of ['assets/%E0%A4%A', 'locations/100%', 'a/%C3']) {
    const refused = await api.get(address);
    expect(refused.status(), address).toBe(400);
    expect(refused.headers()['content-type']).toContain('text/html');
    expect(await refused.text()).toContain('broken percent-escape');
  }
  for (const address of ['api/tickets/%E0%A4%A', 'api/assets/%ZZ'])
    await expectErrorBody(await api.get(address), 400, 'bad_request');
  await api.dispose();
});

test('a server action sent from another site is refused with 403 and a plain page; from this site it works', async ({
  playwright,
}) => {
  const api = await playwright.request.newContext({ baseURL: server.app.baseURL, maxRedirects: 0 });
  const formPost = async (headers: Record<string, string>) =>
    api.post('login', {
      multipart: { ...(await loginFormFields(api)), username: 'ada', password: passwords.ada },
      headers,
    });
  const startsSession = (reply: APIResponse) => /ticketing_session=[^;]/.test(reply.headers()['set-cookie'] ?? '');

  for (const headers of crossSite) {
    const refused = await formPost(headers);
    expect(refused.status()).toBe(403);
    expect(refused.headers()['content-type']).toContain('text/html');
    expect(await refused.text()).toContain('Request refused');
    expect(startsSession(refused)).toBe(false);
  }
  // The same refusal for the JavaScript form of a server action.
  const actionId = await loginActionId(api);
  const scripted = await api.post('login', {
    headers: { Origin: foreignOrigin, 'Next-Action': actionId, 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '[]',
  });
  expect(scripted.status()).toBe(403);

  const sameSite = await formPost({ Origin: server.app.origin });
  expect(sameSite.status()).toBe(303);
  expect(startsSession(sameSite)).toBe(true);
  await api.dispose();
});

test('a product key is revealed only by a POST from this site, and each reveal is audited', async ({
  playwright,
  browser,
}) => {
  const { api } = await signedInApi(playwright);
  const created = await api.post('api/licenses', {
    data: { name: 'Edge Suite', seats: 1, productKey: 'EDGE1-EDGE2-EDGE3-KEY99' },
  });
  expect(created.status()).toBe(201);
  const { license } = (await created.json()) as { license: { id: string } };

  const viaGet = await api.get(`api/licenses/${license.id}?reveal=1`);
  await expectErrorBody(viaGet, 400, 'bad_request');
  expect(await viaGet.text()).toContain(`POST /api/licenses/:id/reveal`);
  expect(await viaGet.text()).not.toContain('KEY99-');
  for (const headers of crossSite) {
    await expectErrorBody(await api.post(`api/licenses/${license.id}/reveal`, { headers }), 403, 'cross_origin');
  }
  const revealed = await api.post(`api/licenses/${license.id}/reveal`);
  expect(revealed.status()).toBe(200);
  expect(await revealed.json()).toEqual({ productKey: 'EDGE1-EDGE2-EDGE3-KEY99' });
  await expectErrorBody(await api.get(`api/licenses/${license.id}/reveal`), 405, 'method_not_allowed');
  await api.dispose();

  // Only the one accepted reveal reached the audit log.
  const { context, page } = await openBrowser(browser, server.app);
  await page.goto('login');
  await page.getByLabel('Username').fill('root');
  await page.getByLabel('Password').fill(passwords.root);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, root' })).toBeVisible();
  await page.goto('admin/audit?action=license.key_reveal');
  await expect(page.locator('tbody tr', { hasText: 'Key revealed' })).toHaveCount(1);
  await context.close();
});

test('a served image keeps its own policy; JSON answers carry theirs; pages keep the page policy', async ({
  playwright,
}) => {
  const { api } = await signedInApi(playwright);
  const created = await api.post('api/assets', { data: { assetTag: 'EDGE-2', name: 'Pictured', category: 'laptop' } });
  const { asset } = (await created.json()) as { asset: { id: string } };
  // The smallest valid PNG: one transparent pixel.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  const uploaded = await api.put(`api/assets/${asset.id}/image`, {
    multipart: { image: { name: 'pixel.png', mimeType: 'image/png', buffer: png } },
  });
  expect(uploaded.status()).toBe(200);

  const image = await api.get(`api/assets/${asset.id}/image`);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-security-policy']).toBe("default-src 'none'; sandbox");
  for (const path of ['api/dashboard', 'api/health/ready', 'api/no-such-thing', 'api/tickets/export']) {
    expect((await api.get(path)).headers()['content-security-policy']).toBe(jsonPolicy);
  }
  expect((await api.get('tickets')).headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
  await api.dispose();
});

test('build files answer only GET and HEAD: other methods get 405, not a crash', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.app.baseURL });
  const script = /src="[^"]*\/(_next\/static\/[^"]+\.js)"/.exec(await (await api.get('login')).text())![1];
  expect((await api.get(script)).status()).toBe(200);
  for (const method of ['OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH']) {
    const reply = await api.fetch(script, { method });
    expect(reply.status(), method).toBe(405);
    expect(reply.headers()['allow']).toBe('GET, HEAD');
  }
  await api.dispose();
});

test('a server action sent arguments no form sends gets an answer, not a crash', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.app.baseURL });
  const actionId = await loginActionId(api);
  for (const data of ['[]', '[null, "ada"]', '[{}, 42]']) {
    const reply = await api.post('login', {
      headers: { Origin: server.app.origin, 'Next-Action': actionId, 'Content-Type': 'text/plain;charset=UTF-8' },
      data,
    });
    expect(reply.status(), data).toBe(200);
    expect(await reply.text(), data).toContain('This form could not be read.');
  }
  await api.dispose();
});

test('a failing page is one JSON log line with its request id, without stack or input', async ({ playwright }) => {
  const api = await playwright.request.newContext({ baseURL: server.app.baseURL });
  const actionId = await loginActionId(api);
  // A server action whose arguments are not what Next.js encodes fails inside Next.js: a 500.
  const failed = await api.post('login?probe=query-secret', {
    headers: { Origin: server.app.origin, 'Next-Action': actionId, 'Content-Type': 'text/plain;charset=UTF-8' },
    data: '{{{ body-secret',
  });
  expect(failed.status()).toBe(500);
  const requestId = failed.headers()['x-request-id'];

  const linesAfterStart = () => {
    const output = server.app.logs();
    return output
      .slice(output.indexOf('"event":"server.started"'))
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '');
  };
  const entriesOf = () =>
    linesAfterStart()
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.requestId === requestId);
  await expect.poll(() => entriesOf().map((entry) => entry.event)).toContain('http.request');
  const failure = entriesOf().find((entry) => entry.event === 'http.request_failed');
  expect(failure).toMatchObject({ level: 'error', path: '/login', digest: expect.any(String) });

  // Every line the server wrote while serving (this spec's other requests included) is JSON.
  for (const line of linesAfterStart()) expect(() => JSON.parse(line), line).not.toThrow();
  const output = server.app.logs();
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toContain('query-secret');
  expect(output).not.toContain('body-secret');
  await api.dispose();
});

test('a request whose client left before the answer is still in the log, as 499', async () => {
  const { origin, baseURL } = server.app;
  const path = `${new URL(baseURL).pathname}api/auth/login`;
  const socket = net.connect(Number(new URL(origin).port), '127.0.0.1');
  // "100 Continue" says the server has the request; the client then leaves without sending its body.
  const continued = new Promise<void>((resolve) => socket.once('data', () => resolve()));
  socket.write(
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      'Content-Length: 64\r\nExpect: 100-continue\r\n\r\n',
  );
  await continued;
  socket.destroy();

  const requestLines = () =>
    server.app
      .logs()
      .split('\n')
      .filter((line) => line.includes('"event":"http.request"'))
      .map((line) => JSON.parse(line) as { path: string; status: number });
  await expect.poll(requestLines).toContainEqual(expect.objectContaining({ path, status: 499 }));
});
