import { expect, test } from '@playwright/test';
import { AppServer } from '../e2e/support/app-server';
import { LoginPage } from '../e2e/support/login-page';
import { openBrowser } from '../e2e/support/session';
import { startDovecot, type Dovecot } from '../support/dovecot';
import { composeMail } from '../support/mail-messages';
import { startSmtpCapture, type CapturedMail, type SmtpCapture } from '../support/smtp-capture';

// The helpdesk's front door as a customer and an agent meet it, with mail over the wire both
// ways: Dovecot holds the helpdesk's mailbox, a capture server on 127.0.0.1 is the outgoing SMTP
// server, and the app's own job workers read the one and send through the other.

const helpdesk = 'helpdesk@example.test';
const customer = 'pat@example.test';
let dovecot: Dovecot;
let capture: SmtpCapture;
let app: AppServer;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(240_000);
  dovecot = await startDovecot({ inTest: false });
  capture = await startSmtpCapture();
  app = new AppServer({ MAIL_POLL_INTERVAL: '2s' });
  app.createUser('alex', 'alex-password-1', 'agent');
  await app.startWithMail({
    SMTP_URL: capture.url,
    MAIL_FROM: `IT Helpdesk <${helpdesk}>`,
    IMAP_URL: dovecot.url(),
  });
});

test.afterAll(async () => {
  await app?.dispose();
  await capture?.close();
  await dovecot?.stop();
});

/** Waits for the next mail to `to` after the `seen` already captured. */
async function nextMailTo(to: string, seen: number): Promise<CapturedMail> {
  await expect
    .poll(() => capture.messages.slice(seen).some((mail) => mail.envelope.to.includes(to)), { timeout: 60_000 })
    .toBe(true);
  return capture.messages.slice(seen).find((mail) => mail.envelope.to.includes(to))!;
}

/** Waits until every mail in the helpdesk's inbox is marked read: the app has handled them all. */
async function allHandled(): Promise<void> {
  await expect
    .poll(async () => (await dovecot.flags()).every((flags) => flags.includes('\\Seen')), { timeout: 60_000 })
    .toBe(true);
}

test('a mail becomes a ticket, the answers travel by mail, a reply lands on it, an auto-reply makes nothing', async ({
  browser,
}) => {
  const opening = await composeMail({
    from: `Pat Customer <${customer}>`,
    to: helpdesk,
    subject: 'Printer on the third floor jams',
    text: 'Every second page jams since Monday.',
  });
  await dovecot.deliver(opening);

  // The customer, unknown until now, gets the confirmation with the ticket's reference.
  const received = await nextMailTo(customer, 0);
  const reference = /\[(T-\d+)\]/.exec(received.parsed.subject ?? '')?.[1];
  expect(reference).toBeTruthy();
  expect(received.parsed.headers.get('auto-submitted')).toBe('auto-generated');
  expect(received.parsed.inReplyTo).toBe(/^Message-ID: (.+)$/m.exec(opening.toString())?.[1]);

  // The agent finds it in the web app and answers.
  const { page } = await openBrowser(browser, app);
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('alex', 'alex-password-1');
  await login.expectSignedIn('alex');
  await page.goto('tickets');
  await page.getByRole('link', { name: 'Printer on the third floor jams' }).click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByText('Every second page jams since Monday.')).toBeVisible();
  await expect(details.getByText('Pat Customer')).toBeVisible();
  const before = capture.messages.length;
  await page.getByLabel('Reply', { exact: true }).fill('Please try the manual feed tray for now.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  const conversation = page.getByRole('region', { name: 'Conversation and activity' });
  await expect(conversation.getByText('Please try the manual feed tray for now.')).toBeVisible();

  const answer = await nextMailTo(customer, before);
  expect(answer.parsed.subject).toContain(`[${reference}]`);
  expect(answer.parsed.text).toContain('Please try the manual feed tray for now.');
  expect(answer.parsed.html).toContain('Please try the manual feed tray for now.');
  expect(answer.parsed.text).toContain(`${app.baseURL.replace(/\/$/, '')}/tickets/`);

  // The customer answers that mail from their client: quoted history below their words.
  await dovecot.deliver(
    await composeMail({
      from: `Pat Customer <${customer}>`,
      to: helpdesk,
      subject: `Re: ${answer.parsed.subject}`,
      inReplyTo: answer.parsed.messageId,
      references: [answer.parsed.messageId!],
      text: `The tray works, thanks!\n\nOn Monday, IT Helpdesk wrote:\n> Please try the manual feed tray for now.\n`,
    }),
  );
  await allHandled();
  await page.reload();
  await expect(conversation.getByText('The tray works, thanks!')).toBeVisible();
  await expect(conversation.getByText('On Monday, IT Helpdesk wrote:')).toHaveCount(0);

  // An out-of-office reply to our mail: read, and nothing comes of it.
  const mailsBefore = capture.messages.length;
  await dovecot.deliver(
    await composeMail({
      from: `Pat Customer <${customer}>`,
      to: helpdesk,
      subject: `Out of office: ${answer.parsed.subject}`,
      inReplyTo: answer.parsed.messageId,
      headers: { 'Auto-Submitted': 'auto-replied' },
      text: 'I am away until Friday.',
    }),
  );
  await allHandled();
  await page.reload();
  await expect(conversation.getByText('The tray works, thanks!')).toBeVisible();
  await expect(page.getByText('I am away until Friday.')).toHaveCount(0);
  await page.goto('tickets');
  await expect(page.getByRole('link', { name: /Out of office/ })).toHaveCount(0);
  expect(capture.messages.slice(mailsBefore).filter((mail) => mail.envelope.to.includes(customer))).toEqual([]);
});
