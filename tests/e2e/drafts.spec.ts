import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { LoginPage, signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// Long text waits in the browser until it is sent; a failed send moves the focus to a summary of
// what to correct; a banner lasts until the next action.

const server = useAppServer((app) => {
  app.createUser('ravi', 'ravi-password-1', 'requester');
  app.createUser('agnes', 'agnes-password-1', 'agent');
});

test('a reload after a form error brings the description back; the error summary takes the focus and leads to the field', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'ravi');
  await page.goto('tickets/new');
  await expect(page.getByLabel('Title')).toBeFocused();
  await page.getByLabel('Description').fill('The laptop fan is loud\nsince the last update.');
  await page.getByRole('button', { name: 'Open ticket' }).click();

  const summary = page.getByRole('alert').filter({ hasText: 'Please correct the fields marked below.' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(1);
  await expect(page.getByText('Enter a title.')).toBeVisible(); // beside the field, once
  await expectNoSeriousA11yViolations(page);
  await summary.getByRole('link', { name: 'Title' }).click();
  await expect(page.getByLabel('Title')).toBeFocused();

  await page.reload();
  await expect(page.getByLabel('Description')).toHaveValue('The laptop fan is loud\nsince the last update.');
  await page.getByLabel('Title').fill('Loud fan');
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}/);
  await page.goto('tickets/new');
  await expect(page.getByLabel('Description')).toHaveValue('');
  await context.close();
});

test('the reply composer keeps its draft per ticket until it is sent; signing out forgets drafts', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'ravi');
  await page.goto('tickets/new');
  await page.getByLabel('Title').fill('Mouse double-clicks');
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}/);
  const ticketPath = new URL(page.url()).pathname.replace(/^\/it-assets-manager\//, '');

  await page.goto(ticketPath);
  await page.getByLabel('Reply').fill('Tried another USB port, same.');
  await page.reload();
  await expect(page.getByLabel('Reply')).toHaveValue('Tried another USB port, same.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText('Reply added.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Reply')).toHaveValue('');

  await page.getByLabel('Reply').fill('Half-written thought');
  await new LoginPage(page).logOut();
  await signIn(page, 'ravi');
  await page.goto(ticketPath);
  await expect(page.getByLabel('Reply')).toHaveValue('');
  await context.close();
});

test('one banner at a time: the next action takes the last one away; errors stay beside their field', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes');
  await page.goto('licenses/new');
  await expect(page.getByLabel('Name')).toBeFocused();
  await page.getByLabel('Name').fill('Diagram Tool');
  await page.getByLabel('Seats').fill('1');
  await page.getByRole('button', { name: 'Create license' }).click();
  await expect(page.getByText('License created.')).toBeVisible();
  // The marker leaves the address: a reload does not announce it again.
  await expect(page).not.toHaveURL(/created=1/);

  await page.getByRole('button', { name: 'Assign seat' }).click();
  await expect(page.getByText('License created.')).toHaveCount(0);
  await expect(page.locator('.notice')).toHaveCount(1);
  await page.reload();
  await expect(page.getByText('License created.')).toHaveCount(0);
  await context.close();
});
