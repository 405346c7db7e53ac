import { expect, test } from '@playwright/test';
import { openBrowser, sessionCookies, useAppServer } from './support/session';

const server = useAppServer();

test('with no users, every page leads to first-run setup, which creates the admin and signs them in', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await page.goto('./');
  await expect(page).toHaveURL(/\/it-assets-manager\/setup$/);

  await page.goto('sessions');
  await expect(page).toHaveURL(/\/it-assets-manager\/setup$/);

  await page.getByLabel('Admin username').fill('root-admin');
  await page.getByLabel('Your name').fill('Rita Admin');
  await page.getByLabel('Password', { exact: true }).fill('a-long-password');
  await page.getByLabel('Password again').fill('another-password');
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();
  await expect(page.getByText('The two passwords differ.')).toBeVisible();
  // What was typed (except passwords) survives the failed submission.
  await expect(page.getByLabel('Admin username')).toHaveValue('root-admin');

  await page.getByLabel('Password', { exact: true }).fill('a-long-password');
  await page.getByLabel('Password again').fill('a-long-password');
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Rita Admin' })).toBeVisible();
  await expect(page).toHaveURL(/\/it-assets-manager\/?$/);
  expect(await sessionCookies(context)).toHaveLength(1);
  await context.close();
});

test('once an admin exists, setup is closed and the admin is the only user', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await page.goto('setup');
  await expect(page).toHaveURL(/\/it-assets-manager\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await page.getByLabel('Username').fill('root-admin');
  await page.getByLabel('Password').fill('a-long-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Rita Admin' })).toBeVisible();
  await page.goto('admin/users');
  await expect(page.getByRole('heading', { name: /All users \(1\)/ })).toBeVisible();
  await context.close();
});
