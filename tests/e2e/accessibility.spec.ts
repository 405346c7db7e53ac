import { test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { LoginPage } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
});

test('the login page has no serious or critical accessibility violations, also with an error shown', async ({
  browser,
}) => {
  // axe is injected as a script, which the app's Content-Security-Policy would rightly block.
  const { context, page } = await openBrowser(browser, server.app, { bypassCSP: true });
  const login = new LoginPage(page);
  await login.goto();
  await expectNoSeriousA11yViolations(page);
  await login.signIn('ada', 'wrong-password');
  await page.getByText('The username or password is incorrect.').waitFor();
  await expectNoSeriousA11yViolations(page);
  await context.close();
});

test('the main pages have no serious or critical accessibility violations', async ({ browser }) => {
  // axe is injected as a script, which the app's Content-Security-Policy would rightly block.
  const { context, page } = await openBrowser(browser, server.app, { bypassCSP: true });
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('ada', 'ada-password-1');
  await login.expectSignedIn('ada');
  for (const path of [
    './',
    'sessions',
    'account',
    'admin/users',
    'admin/diagnostics',
    'tickets',
    'tickets/new',
    'assets',
    'assets/new',
    'assets/import',
    'licenses',
    'licenses/new',
    'admin/audit',
    'admin/jobs',
  ]) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
  await page.goto('admin/users');
  await page.getByRole('link', { name: 'ada' }).click();
  await page.waitForURL(/admin\/users\/[0-9a-f-]{36}$/);
  await expectNoSeriousA11yViolations(page);
  await context.close();
});
