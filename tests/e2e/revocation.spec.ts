import { expect, test } from '@playwright/test';
import { LoginPage } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

const server = useAppServer((app) => {
  app.createUser('admin', 'admin-password-1', 'admin');
  app.createUser('dave', 'dave-password-1', 'requester');
  app.createUser('erin', 'erin-password-1', 'requester');
});

test("an admin revoking a session ends it on that browser's next request", async ({ browser }) => {
  const dave = await openBrowser(browser, server.app);
  const daveLogin = new LoginPage(dave.page);
  await daveLogin.goto();
  await daveLogin.signIn('dave', 'dave-password-1', { remember: true });
  await daveLogin.expectSignedIn('dave');

  const admin = await openBrowser(browser, server.app);
  const adminLogin = new LoginPage(admin.page);
  await adminLogin.goto();
  await adminLogin.signIn('admin', 'admin-password-1');
  await adminLogin.expectSignedIn('admin');
  await admin.page.getByRole('link', { name: 'Users' }).click();
  await admin.page.getByRole('link', { name: 'dave' }).click();
  await expect(admin.page.getByRole('heading', { name: 'Active sessions' })).toBeVisible();
  await expect(admin.page.locator('tbody tr')).toHaveCount(1);
  await admin.page.getByRole('button', { name: 'Revoke' }).click();
  // Asked in the page: the same button again, beside the question, confirms.
  await admin.page.getByRole('group').getByRole('button', { name: 'Revoke' }).click();
  await expect(admin.page.getByText('No active sessions.')).toBeVisible();

  await dave.page.goto('sessions');
  await daveLogin.expectOnLoginPage();
  await dave.context.close();
  await admin.context.close();
});

test('"sign out everywhere else" keeps this session and ends the others; a role change applies at once', async ({
  browser,
}) => {
  const first = await openBrowser(browser, server.app);
  const second = await openBrowser(browser, server.app);
  for (const { page } of [first, second]) {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('dave', 'dave-password-1');
    await login.expectSignedIn('dave');
  }
  await first.page.goto('sessions');
  await expect(first.page.getByText('this session')).toBeVisible();
  await expect(first.page.locator('tbody tr')).toHaveCount(2);
  await first.page.getByRole('button', { name: 'Sign out everywhere else' }).click();
  // Asked in the page: the same button again, beside the question, confirms.
  await first.page.getByRole('group').getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(first.page.getByText('Signed out 1 other session.')).toBeVisible();

  await second.page.goto('./');
  await new LoginPage(second.page).expectOnLoginPage();
  await first.page.goto('./');
  await new LoginPage(first.page).expectSignedIn('dave');
  await expect(first.page.getByRole('link', { name: 'Users' })).toHaveCount(0);

  const admin = await openBrowser(browser, server.app);
  const adminLogin = new LoginPage(admin.page);
  await adminLogin.goto();
  await adminLogin.signIn('admin', 'admin-password-1');
  await admin.page.goto('admin/users');
  await admin.page.getByRole('link', { name: 'dave' }).click();
  // Next.js shows the prefetched page before it commits the navigation, then replaces it.
  await expect(admin.page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await admin.page.getByRole('combobox', { name: 'Role' }).selectOption('agent');
  await admin.page.getByRole('button', { name: 'Change role' }).click();
  await expect(admin.page.getByText(/Role changed to agent/)).toBeVisible();

  await first.page.reload();
  await expect(first.page.locator('.role-badge')).toHaveText('agent');
  await first.context.close();
  await second.context.close();
  await admin.context.close();
});

test('disabling a user signs them out everywhere', async ({ browser }) => {
  const dave = await openBrowser(browser, server.app);
  const daveLogin = new LoginPage(dave.page);
  await daveLogin.goto();
  await daveLogin.signIn('dave', 'dave-password-1');
  await daveLogin.expectSignedIn('dave');

  const admin = await openBrowser(browser, server.app);
  await new LoginPage(admin.page).goto();
  await new LoginPage(admin.page).signIn('admin', 'admin-password-1');
  await admin.page.goto('admin/users');
  await admin.page.getByRole('link', { name: 'dave' }).click();
  await admin.page.getByRole('button', { name: 'Disable user' }).click();
  // Asked in the page: the same button again, beside the question, confirms.
  await admin.page.getByRole('group').getByRole('button', { name: 'Disable user' }).click();
  await expect(admin.page.getByText('User disabled and signed out everywhere.')).toBeVisible();

  await dave.page.reload();
  await daveLogin.expectOnLoginPage();
  await daveLogin.signIn('dave', 'dave-password-1');
  await expect(dave.page.getByText('The username or password is incorrect.')).toBeVisible();
  await dave.context.close();
  await admin.context.close();
});

test('the diagnostics page is for admins: it shows what the server sees, and is "not found" for others', async ({
  browser,
}) => {
  const admin = await openBrowser(browser, server.app);
  await new LoginPage(admin.page).goto();
  await new LoginPage(admin.page).signIn('admin', 'admin-password-1');
  await admin.page.goto('admin/diagnostics');
  const facts = admin.page.getByTestId('diagnostics');
  await expect(facts).toContainText('Scheme the app sees');
  await expect(facts).toContainText('/it-assets-manager');
  await expect(facts).toContainText(/Instance \(process id\)\s*\d+/);
  const cookiePanel = admin.page.getByRole('region', { name: 'The session cookie it would set' });
  await expect(cookiePanel.getByText('Path', { exact: true }).locator('xpath=following-sibling::dd[1]')).toHaveText(
    '/it-assets-manager',
  );

  const erin = await openBrowser(browser, server.app);
  await new LoginPage(erin.page).goto();
  await new LoginPage(erin.page).signIn('erin', 'erin-password-1');
  expect((await erin.page.goto('admin/diagnostics'))?.status()).toBe(404);
  await admin.context.close();
  await erin.context.close();
});
