import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { AppServer } from './support/app-server';
import { LoginPage } from './support/login-page';
import { openBrowser } from './support/session';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';

// A ticket's activity as people meet it, with the app mailing through a capture server on
// 127.0.0.1: Markdown in a description and a reply (and what stays text), an @mention that mails
// the agent named, the requester's reply that reopens a pending ticket and mails its assignee, and
// the "New activity" mark in the agent's lists until they open the ticket.

let capture: SmtpCapture;
let app: AppServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  capture = await startSmtpCapture();
  app = new AppServer();
  app.createUser('rita', 'rita-password-1', 'requester');
  for (const [username, role] of [
    ['alex', 'agent'],
    ['bea', 'agent'],
  ]) {
    app.users(
      ['create', '--username', username, '--role', role, '--password-stdin', '--email', `${username}@example.test`],
      `${username}-password-1`,
    );
  }
  await app.startWithMail({
    SMTP_URL: capture.url,
    MAIL_FROM: 'IT Helpdesk <helpdesk@example.test>',
  });
});

test.afterAll(async () => {
  await app?.dispose();
  await capture?.close();
});

test.setTimeout(120_000);

async function signIn(page: Page, username: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, `${username}-password-1`);
  await expect(page).not.toHaveURL(/\/login/);
}

const description = [
  'The **screen** flickers:',
  '',
  '- after lunch',
  '- on battery',
  '',
  'See [the vendor page](https://example.test/help), <script>window.injected = 1</script> <b>raw</b>',
  'and [bad](javascript:alert(1)) ![shot](https://elsewhere.example/shot.png)',
].join('\n');

/** Waits for a captured mail to `address` whose subject matches. */
async function mailTo(address: string, subject: RegExp) {
  await expect
    .poll(
      () =>
        capture.messages.some((mail) => mail.envelope.to.includes(address) && subject.test(mail.parsed.subject ?? '')),
      {
        timeout: 30_000,
      },
    )
    .toBe(true);
  return capture.messages.find(
    (mail) => mail.envelope.to.includes(address) && subject.test(mail.parsed.subject ?? ''),
  )!;
}

test('Markdown renders safely, a mention mails the agent named, a requester reply reopens and marks the ticket', async ({
  browser,
}) => {
  const rita = await openBrowser(browser, app);
  await signIn(rita.page, 'rita');
  await rita.page.goto('tickets/new');
  await rita.page.getByLabel('Title').fill('Screen flickers');
  await rita.page.getByLabel('Description').fill(description);
  await rita.page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(rita.page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  const ticketPath = new URL(rita.page.url()).pathname.replace(/^.*\/tickets\//, 'tickets/');

  // The description: bold, a list and a link; raw HTML and a javascript: link stay text.
  const details = rita.page.getByRole('region', { name: 'Details' });
  await expect(details.locator('strong', { hasText: 'screen' })).toBeVisible();
  await expect(details.getByRole('listitem')).toHaveText(['after lunch', 'on battery']);
  const vendor = details.getByRole('link', { name: 'the vendor page' });
  await expect(vendor).toHaveAttribute('href', 'https://example.test/help');
  await expect(vendor).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(details.getByText('<script>window.injected = 1</script> <b>raw</b>')).toBeVisible();
  expect(await rita.page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();
  await expect(details.locator('b, script, img')).toHaveCount(0);
  await expect(details.getByRole('link', { name: 'bad' })).toHaveCount(0);
  await expect(details.getByText('[bad](javascript:alert(1))')).toBeVisible();
  await expect(details.getByRole('link', { name: 'shot' })).toHaveAttribute(
    'href',
    'https://elsewhere.example/shot.png',
  );

  // Alex takes the ticket, asks Bea in an internal note, and waits on the requester.
  const alex = await openBrowser(browser, app);
  await signIn(alex.page, 'alex');
  await alex.page.goto(ticketPath);
  await alex.page.getByRole('button', { name: 'Take it' }).click();
  await expect(alex.page.getByLabel('Status')).toHaveValue('open');
  await alex.page.getByRole('button', { name: 'Internal note', exact: true }).click();
  await alex.page.getByLabel('Internal note', { exact: true }).fill('@bea have you seen this **before**? Not @rita.');
  await alex.page.getByRole('button', { name: 'Add internal note' }).click();
  await expect(alex.page.getByText('Internal note added.')).toBeVisible();
  const note = alex.page.locator('.timeline li.internal').last();
  await expect(note.locator('.mention')).toHaveText('@bea');
  await expect(note.locator('strong', { hasText: 'before' })).toBeVisible();
  await expect(note.getByText('Not @rita.')).toBeVisible();
  const mention = await mailTo('bea@example.test', /alex mentioned you: Screen flickers/);
  expect(mention.parsed.text).toContain('@bea have you seen this **before**?');
  expect(
    capture.messages.some(
      (mail) => mail.envelope.to.includes('rita@example.test') && /mentioned/.test(mail.parsed.subject ?? ''),
    ),
  ).toBe(false);

  await alex.page.getByLabel('Status').selectOption('pending');
  await alex.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(alex.page.getByText('changed the status from Open to Waiting on requester')).toBeVisible();
  await alex.page.goto('tickets?view=mine');
  const row = alex.page.getByRole('row', { name: /Screen flickers/ });
  await expect(row).toBeVisible();
  await expect(row.getByText('New activity')).toHaveCount(0);

  // Rita answers: the ticket is open again, Alex is mailed and sees the news in his lists.
  await rita.page.goto(ticketPath);
  await rita.page.getByLabel('Reply', { exact: true }).fill('It happens *every* day.');
  await rita.page.getByRole('button', { name: 'Send reply' }).click();
  await expect(rita.page.getByText('Reply added.')).toBeVisible();
  await expect(
    rita.page.getByRole('region', { name: 'Conversation and activity' }).locator('em', { hasText: 'every' }),
  ).toBeVisible();
  await expect(rita.page.getByText('changed the status from Waiting on requester to Open')).toBeVisible();
  await mailTo('alex@example.test', /Reopened by rita: Screen flickers/);

  await alex.page.reload();
  await expect(row.getByText('New activity')).toBeVisible();
  await expect(row).toHaveAttribute('data-unseen', 'true');
  await expect(row.locator('td').first()).toHaveCSS('font-weight', '700');
  await expectNoSeriousA11yViolations(alex.page);
  await alex.page.goto('');
  const queueRow = alex.page.getByRole('row', { name: /Screen flickers/ });
  await expect(queueRow.getByText('New activity')).toBeVisible();

  await queueRow.getByRole('link').first().click();
  await expect(alex.page.getByRole('heading', { level: 1 })).toContainText('Screen flickers');
  await expect(alex.page.locator('.badge', { hasText: /^Open$/ })).toBeVisible();
  await expectNoSeriousA11yViolations(alex.page);
  await alex.page.goto('tickets?view=mine');
  await expect(row).toBeVisible();
  await expect(row.getByText('New activity')).toHaveCount(0);
  await expect(row).not.toHaveAttribute('data-unseen', 'true');
});
