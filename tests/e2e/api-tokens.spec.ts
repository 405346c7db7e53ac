import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// Personal access tokens end to end: made on the account page, used by a script that has no
// cookie (Playwright's request API), refused once revoked; an admin sees and revokes everyone's.
const server = useAppServer((app) => {
  test.setTimeout(240_000);
  app.createUser('boss', 'boss-password-1', 'admin');
  app.createUser('agnes', 'agnes-password-1', 'agent');
});

async function createToken(page: Page, name: string, scope: 'read' | 'write'): Promise<string> {
  const panel = page.getByRole('region', { name: 'API tokens' });
  await panel.getByLabel('Name').fill(name);
  await panel.getByLabel('Scope').selectOption(scope);
  await panel.getByLabel('Expires after (days)').fill('30');
  await panel.getByRole('button', { name: 'Create token' }).click();
  await expect(panel.getByText(`Token “${name}” created`)).toBeVisible();
  const token = (await panel.getByTestId('new-token').textContent()) ?? '';
  expect(token).toMatch(/^iam_pat_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
  return token;
}

test('a token made on the account page works for a script without cookies until it is revoked', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  await page.goto('account');
  const token = await createToken(page, 'Inventory script', 'write');
  const panel = page.getByRole('region', { name: 'API tokens' });
  const row = panel.getByRole('row', { name: /Inventory script/ });
  await expect(row).toContainText('write');
  await expect(row).toContainText('Never');
  await expect(row).toContainText(token.slice(0, 20));

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await panel.getByRole('button', { name: 'Copy token' }).click();
  await expect(panel.getByRole('button', { name: 'Copied' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('account-tokens-desktop.png'), fullPage: true });

  const script = await playwrightRequest.newContext({
    baseURL: server.app.baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  expect((await script.storageState()).cookies).toEqual([]);
  const list = await script.get('api/tickets');
  expect(list.status()).toBe(200);
  // A token carries no cookie, so another site's Origin is no forgery: the write goes through.
  const created = await script.post('api/tickets', {
    data: { title: 'Opened by a script' },
    headers: { origin: 'https://elsewhere.example' },
  });
  expect(created.status()).toBe(201);
  const me = await script.get('api/auth/me');
  expect(((await me.json()) as { user: { username: string } }).user.username).toBe('agnes');
  // Pages never take a token: the ticket list sends the script to sign in.
  const pageReply = await script.get('tickets', { maxRedirects: 0 });
  expect(pageReply.status()).toBe(307);
  expect(pageReply.headers().location).toMatch(/\/login/);

  // The list shows the use after a reload; the token itself is never shown again.
  await page.reload();
  await expect(row).not.toContainText('Never');
  await expect(page.getByTestId('new-token')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(token);

  await row.getByRole('button', { name: 'Revoke' }).click();
  await panel.getByRole('group').getByRole('button', { name: 'Revoke' }).click();
  await expect(panel.getByRole('row', { name: /Inventory script/ })).toHaveCount(0);
  const refused = await script.get('api/tickets');
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  await script.dispose();
  await context.close();
});

test('a read token cannot change anything; the panel fits a phone; an admin sees and revokes it', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'agnes', 'agnes-password-1');
  await page.goto('account');
  const token = await createToken(page, 'Read-only report', 'read');
  await expectNoSeriousA11yViolations(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.getByTestId('new-token').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('account-tokens-390.png'), fullPage: true });

  const script = await playwrightRequest.newContext({
    baseURL: server.app.baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  expect((await script.get('api/tickets')).status()).toBe(200);
  expect((await script.post('api/tickets', { data: { title: 'Not allowed' } })).status()).toBe(403);

  const admin = await openBrowser(browser, server.app);
  await signIn(admin.page, 'boss', 'boss-password-1');
  await admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
  const row = admin.page.getByRole('row', { name: /Read-only report/ });
  await expect(row).toContainText('agnes');
  await expectNoSeriousA11yViolations(admin.page);
  await admin.page.screenshot({ path: test.info().outputPath('admin-tokens-desktop.png'), fullPage: true });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await admin.page.getByRole('group').getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.page.getByRole('row', { name: /Read-only report/ })).toHaveCount(0);
  expect((await script.get('api/tickets')).status()).toBe(401);

  // The audit log says who made and revoked it.
  await admin.page.goto('admin/audit');
  await expect(admin.page.getByRole('table').getByText('API token revoked').first()).toBeVisible();
  await expect(admin.page.getByRole('table').getByText('API token created').first()).toBeVisible();
  await script.dispose();
  await Promise.all([context.close(), admin.context.close()]);
});
