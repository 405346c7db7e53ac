import { expect, test } from '@playwright/test';
import { AppServer } from './support/app-server';
import { LoginPage } from './support/login-page';
import { openBrowser } from './support/session';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';

// "Forgot password" as a user meets it, with the app mailing through a capture server on
// 127.0.0.1: the answer never tells whether an account exists, the mailed link sets a new password
// once, and the sessions that were open end. The mail leaves through the 'password-reset' job, so
// this needs the app's job workers running.

const resetAnswer = /If an account matches, we have sent a link/;
let capture: SmtpCapture;
let app: AppServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  capture = await startSmtpCapture();
  app = new AppServer();
  app.createUser('admin', 'admin-password-1', 'admin');
  app.users(
    ['create', '--username', 'fran', '--role', 'requester', '--password-stdin', '--email', 'fran@example.test'],
    'fran-old-password',
  );
  await app.startWithMail({
    SMTP_URL: capture.url,
    MAIL_FROM: 'IT Helpdesk <helpdesk@example.test>',
  });
});

test.afterAll(async () => {
  await app?.dispose();
  await capture?.close();
});

test.setTimeout(90_000);

test('a forgotten password comes back by mail, once, and ends the sessions that were open', async ({ browser }) => {
  const elsewhere = await openBrowser(browser, app);
  const elsewhereLogin = new LoginPage(elsewhere.page);
  await elsewhereLogin.goto();
  await elsewhereLogin.signIn('fran', 'fran-old-password');
  await elsewhereLogin.expectSignedIn('fran');

  const { page, context } = await openBrowser(browser, app);
  await new LoginPage(page).goto();
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot password' })).toBeVisible();

  await page.getByLabel('Username or email').fill('nobody@example.test');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByText(resetAnswer)).toBeVisible();

  await page.getByLabel('Username or email').fill('FRAN@example.test');
  await page.getByRole('button', { name: 'Send me a link' }).click();
  await expect(page.getByText(resetAnswer)).toBeVisible();

  const [mail] = await capture.waitForMessages(1, 30_000);
  expect(mail.envelope.to).toEqual(['fran@example.test']);
  const link = /(http:\/\/\S+\/reset-password\?token=[\w-]+)/.exec(mail.parsed.text ?? '')?.[1];
  expect(link).toBeTruthy();

  await page.goto(link!);
  await page.getByLabel('New password', { exact: true }).fill('fran-new-password');
  await page.getByLabel('New password again').fill('fran-new-password');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('Your new password is set')).toBeVisible();

  await page.goto(link!);
  await page.getByLabel('New password', { exact: true }).fill('another-password');
  await page.getByLabel('New password again').fill('another-password');
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText('This link was already used')).toBeVisible();

  await elsewhere.page.reload();
  await elsewhereLogin.expectOnLoginPage();

  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('fran', 'fran-old-password');
  await expect(page.getByText('The username or password is incorrect.')).toBeVisible();
  await login.signIn('fran', 'fran-new-password');
  await login.expectSignedIn('fran');
  expect(capture.messages).toHaveLength(1);
  await context.close();
  await elsewhere.context.close();
});

test('mail settings: a user turns off what is not essential; an admin chooses who hears about unassigned tickets', async ({
  browser,
}) => {
  const { page, context } = await openBrowser(browser, app);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('admin', 'admin-password-1');
  await login.expectSignedIn('admin');

  await page.goto('account');
  const unassigned = page.getByLabel('A new unassigned ticket');
  await expect(unassigned).toBeChecked();
  await expect(page.getByText('Always sent:')).toContainText('a reply on your ticket');
  await unassigned.uncheck();
  await page.getByRole('button', { name: 'Save mail settings' }).click();
  await expect(page.getByText('Your mail settings are saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('A new unassigned ticket')).not.toBeChecked();
  await expect(page.getByLabel('Your ticket was closed')).toBeChecked();

  await page.goto('admin/users');
  await page.getByRole('link', { name: 'admin', exact: true }).click();
  await expect(page.getByTestId('notify-unassigned')).toHaveText('Mailed about every new unassigned ticket.');
  await page.getByRole('button', { name: 'Stop these mails' }).click();
  await expect(page.getByTestId('notify-unassigned')).toHaveText('Not mailed about new unassigned tickets.');
  await context.close();
});
