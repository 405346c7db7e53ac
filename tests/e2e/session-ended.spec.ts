import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { LoginPage, signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// A session that ends while a form is open (revoked elsewhere, signed out in another tab) is an
// answer the form shows, with a way back, not a crash that throws away what was typed.

const server = useAppServer((app) => {
  app.createUser('dana', 'dana-password-1', 'requester');
});

const description = 'The docking station drops both monitors every few minutes.';

test('a session revoked under the new-ticket form: the form says so, keeps what was typed, and the sign-in returns to it', async ({
  browser,
}) => {
  const desk = await openBrowser(browser, server.app);
  await signIn(desk.page, 'dana');
  await desk.page.goto('tickets/new');
  await expect(desk.page.getByLabel('Title')).toBeFocused();
  await desk.page.getByLabel('Title').fill('Monitors flicker');
  await desk.page.getByLabel('Description').fill(description);

  // The same person, on another device, signs out everywhere else.
  const phone = await openBrowser(browser, server.app);
  await signIn(phone.page, 'dana');
  await phone.page.goto('sessions');
  await phone.page.getByRole('button', { name: 'Sign out everywhere else' }).click();
  // Asked in the page: the same button again, beside the question, confirms.
  await phone.page.getByRole('group').getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(phone.page.getByText('Signed out 1 other session.')).toBeVisible();

  await desk.page.getByRole('button', { name: 'Open ticket' }).click();
  const alert = desk.page.getByRole('alert').filter({ hasText: 'Your session ended — sign in to continue.' });
  await expect(alert).toBeVisible();
  await expect(alert).toBeFocused();
  await expect(desk.page.getByText('Something went wrong')).toHaveCount(0);
  await expect(desk.page.getByLabel('Title')).toHaveValue('Monitors flicker');
  await expect(desk.page.getByLabel('Description')).toHaveValue(description);
  await expectNoSeriousA11yViolations(desk.page);

  await alert.getByRole('link', { name: 'go to the sign-in page' }).click();
  await expect(desk.page).toHaveURL(/\/login\?next=%2Ftickets%2Fnew$/);
  await new LoginPage(desk.page).signIn('dana', 'dana-password-1');
  await expect(desk.page).toHaveURL(/\/it-assets-manager\/tickets\/new$/);
  await expect(desk.page.getByLabel('Description')).toHaveValue(description);

  await desk.page.getByLabel('Title').fill('Monitors flicker');
  await desk.page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(desk.page).toHaveURL(/\/tickets\/[0-9a-f-]{36}/);
  // Sent: the draft is gone.
  await desk.page.goto('tickets/new');
  await expect(desk.page.getByLabel('Description')).toHaveValue('');
  await desk.context.close();
  await phone.context.close();
});

test('signed out in another tab: a reply keeps its text and file, and signing in here sends it', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'dana');
  await page.goto('tickets/new');
  await page.getByLabel('Title').fill('VPN drops at noon');
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}/);
  const ticketPath = new URL(page.url()).pathname.replace(/^\/it-assets-manager\//, '');
  await page.goto(ticketPath);
  // The composer is not the page's main content: the cursor stays where the page starts.
  await expect(page.getByLabel('Reply')).not.toBeFocused();
  await page.getByLabel('Reply').fill('It happened again at 12:03.');

  // Another tab of the same browser signs out: the cookie is gone, not only the session.
  const otherTab = await context.newPage();
  await otherTab.goto('./');
  await new LoginPage(otherTab).logOut();
  await otherTab.close();

  await page.getByRole('button', { name: 'Send reply' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Your session ended — sign in to continue.' });
  await expect(alert).toBeVisible();
  await expect(page.getByLabel('Reply')).toHaveValue('It happened again at 12:03.');
  await page
    .getByLabel('Attachments')
    .setInputFiles({ name: 'log.txt', mimeType: 'text/plain', buffer: Buffer.from('12:03 drop') });

  // Signing in here keeps the page as it is, the chosen file included.
  await alert.getByRole('button', { name: 'Sign in here' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in to continue' });
  await expect(dialog.getByLabel('Username')).toBeFocused();
  await expectNoSeriousA11yViolations(page);
  await dialog.getByLabel('Username').fill('dana');
  await dialog.getByLabel('Password').fill('dana-password-1');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(alert).toContainText('Signed in as dana. Send the form again.');
  await expect(page.getByRole('button', { name: 'Send reply' })).toBeFocused();
  await expect(page.getByLabel('Reply')).toHaveValue('It happened again at 12:03.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText('Reply added.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'log.txt' })).toBeVisible();
  await expect(page.getByLabel('Reply')).toHaveValue('');
  await page.reload();
  await expect(page.getByLabel('Reply')).toHaveValue('');
  await context.close();
});

test('the way back to a page survives the sign-in page, and never leads to another site', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await page.goto('tickets/new?from=mail');
  await expect(page).toHaveURL(/\/login\?next=%2Ftickets%2Fnew%3Ffrom%3Dmail$/);
  await new LoginPage(page).signIn('dana', 'dana-password-1');
  await expect(page).toHaveURL(/\/it-assets-manager\/tickets\/new\?from=mail$/);
  await new LoginPage(page).logOut();

  for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
    const login = new LoginPage(page);
    await login.goto(`?next=${encodeURIComponent(next)}`);
    await login.signIn('dana', 'dana-password-1');
    await login.expectSignedIn('dana');
    expect(new URL(page.url()).host).toBe(new URL(server.app.origin).host);
    await login.logOut();
  }
  await context.close();
});
