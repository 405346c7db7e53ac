import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { LoginPage } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// NUL bytes and impossible dates sent to every door that takes text: each is answered with a
// message (4xx or by the form field), and the server's log, read afterwards, holds none of the
// secrets that travelled with them, no query parameters and no stack trace.

const adminPassword = 'ada-password-1';
const plantedPassword = 'Planted-Pass-5c1e9b7d';
const plantedKey = 'PLANTED-KEY-8D2F-44A1';
const nulMessage = 'Remove the control character (NUL) from this field.';

const server = useAppServer((app) => app.createUser('ada', adminPassword, 'admin'));

const api = (path: string) => `${server.app.baseURL}api/${path}`;

// Soft: every door is tried, and the log is read, even after one of them answered wrongly.
async function expectRefused(response: APIResponse, status: number, field?: string): Promise<void> {
  const text = await response.text();
  expect.soft(response.status(), text).toBe(status);
  if (field) expect.soft(text, `a message for ${field}`).toContain(`"${field}":`);
}

async function expectFieldMessage(page: Page, message: string): Promise<void> {
  await expect.soft(page.getByText(message).first()).toBeVisible();
}

test('NUL bytes and impossible dates get a message, never a 500, and nothing secret reaches the log', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  const login = new LoginPage(page);

  // Signed out: the JSON sign-in and the sign-in form.
  await expectRefused(
    await page.request.post(api('auth/login'), { data: { username: 'ada\u0000', password: plantedPassword } }),
    400,
    'username',
  );
  await expectRefused(
    await page.request.post(api('auth/login'), { data: { username: 'nobody', password: `${plantedPassword}\u0000` } }),
    401,
  );
  await login.goto();
  await login.signIn('ada\u0000x', plantedPassword);
  await expectFieldMessage(page, nulMessage);

  await login.goto();
  await login.signIn('ada', adminPassword);
  await login.expectSignedIn('ada');

  // A new user whose password is planted: the hash made from it must not reach the log.
  await page.goto('admin/users');
  await page.getByLabel('Username', { exact: true }).fill('mallory');
  await page.getByLabel('Name', { exact: true }).fill('Mal\u0000lory');
  await page.getByLabel('Initial password').fill(plantedPassword);
  await page.getByRole('button', { name: 'Create user' }).click();
  await expectFieldMessage(page, nulMessage);

  // A license carrying a planted product key, with a NUL in its name, then with a year-0 expiry.
  await expectRefused(
    await page.request.post(api('licenses'), { data: { name: 'Office\u0000', seats: 5, productKey: plantedKey } }),
    400,
    'name',
  );
  await expectRefused(
    await page.request.post(api('licenses'), {
      data: { name: 'Office', seats: 5, productKey: plantedKey, expiresAt: '0000-01-01' },
    }),
    400,
    'expiresAt',
  );
  await expectRefused(
    await page.request.post(api('assets'), { data: { assetTag: 'NUL-1', name: 'Laptop', purchaseDate: '2026-02-30' } }),
    400,
    'purchaseDate',
  );

  // A ticket title and a comment.
  await expectRefused(await page.request.post(api('tickets'), { data: { title: 'Printer\u0000jam' } }), 400, 'title');
  const created = await page.request.post(api('tickets'), { data: { title: 'Printer jam' } });
  expect(created.status()).toBe(201);
  const ticketId = ((await created.json()) as { id: string }).id;
  await expectRefused(
    await page.request.post(api(`tickets/${ticketId}/comments`), { data: { body: 'Fixed\u0000' } }),
    400,
    'body',
  );

  // Searches: a 400 on the JSON lists; the pages list as if the search were not there.
  for (const list of ['tickets', 'assets', 'licenses'])
    await expectRefused(await page.request.get(api(`${list}?q=a%00b`)), 400, 'q');
  for (const path of ['tickets?q=a%00b', 'assets?q=a%00b', 'licenses?q=a%00b', 'admin/audit?q=a%00b&from=2026-02-30']) {
    const response = await page.goto(path);
    expect.soft(response?.status(), path).toBe(200);
  }
  // The audit page says beside each field which filter it ignored, and why.
  await expect(page.getByLabel('From')).toHaveAccessibleDescription(
    'Ignored: There is no 2026-02-30 on the calendar; enter a real date as YYYY-MM-DD.',
  );
  await expect(page.getByText('Ignored: Remove the control character (NUL) from this field.')).toBeVisible();
  await context.close();

  const logs = server.app.logs();
  expect(logs).toContain('"status":400');
  for (const secret of [plantedPassword, plantedKey, 'params:', 'Failed query', '    at '])
    expect(logs, `the log holds ${JSON.stringify(secret)}`).not.toContain(secret);
  expect(logs, 'the log holds a bcrypt hash').not.toMatch(/\$2[aby]\$\d\d\$/);
});
