import { expect, request as playwrightRequest, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// The OpenAPI document: refused signed out, served to any signed-in role, and readable on /api-docs.
const server = useAppServer((app) => {
  test.setTimeout(240_000);
  app.createUser('rita', 'rita-password-1', 'requester');
});

test('/api/openapi.json is 401 signed out and the document signed in, readable on the JSON API page', async ({
  browser,
}) => {
  const anonymous = await playwrightRequest.newContext({ baseURL: server.app.baseURL });
  const refused = await anonymous.get('api/openapi.json');
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  await anonymous.dispose();

  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'rita', 'rita-password-1');
  const served = await page.request.get('api/openapi.json');
  expect(served.status()).toBe(200);
  const document = (await served.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths)).toContain('/api/tickets/{id}');

  await page.goto('account');
  await page.getByRole('region', { name: 'API tokens' }).getByRole('link', { name: 'JSON API' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'JSON API' })).toBeVisible();
  const tickets = page.getByRole('region', { name: '/api/tickets' });
  await expect(tickets.getByRole('heading', { name: 'POST /api/tickets', exact: true })).toBeVisible();
  await expect(tickets.getByRole('table', { name: 'Parameters of GET /api/tickets', exact: true })).toContainText(
    'pageSize',
  );
  await tickets.getByText('JSON body: its JSON Schema').first().click();
  await expect(tickets.getByText('"title"').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('api-docs-desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('api-docs-narrow.png') });
  await context.close();
});
