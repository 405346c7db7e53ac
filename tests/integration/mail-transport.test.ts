import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import { checkSmtp } from '../../lib/doctor/smtp-check';
import { smtpServerLabel, smtpTransportOptions } from '../../lib/mail/outgoing/transport';
import { freePort } from '../support/free-port';
import { startSmtpCapture, type SmtpSecurity } from '../support/smtp-capture';

// SMTP_URL's schemes over a real wire: smtp:// plain, smtp:// upgraded with STARTTLS, smtps://
// with TLS from the start (a throwaway self-signed certificate the client is told to trust), and
// what `npm run doctor` says when each part fails.

const login = { user: 'mailer', pass: 'p@ss w0rd/secret' };

async function sendThrough(security: SmtpSecurity) {
  const capture = await startSmtpCapture({ security, login });
  after(() => capture.close());
  const transport = nodemailer.createTransport({
    ...smtpTransportOptions(capture.url),
    tls: capture.certificate ? { ca: capture.certificate } : undefined,
  });
  await transport.sendMail({ from: 'helpdesk@example.test', to: 'someone@example.test', subject: 'Hi', text: 'Hello' });
  transport.close();
  const [mail] = await capture.waitForMessages(1);
  return { capture, mail };
}

describe('SMTP_URL', () => {
  test('smtp:// without STARTTLS on offer sends in the clear, with the login', async () => {
    const { mail } = await sendThrough('plain');
    assert.equal(mail.secure, false);
    assert.deepEqual(mail.envelope.to, ['someone@example.test']);
  });

  test('smtp:// upgrades with STARTTLS when the server offers it', async () => {
    const { mail, capture } = await sendThrough('starttls');
    assert.equal(mail.secure, true);
    assert.equal(smtpTransportOptions(capture.url).secure, false);
  });

  test('smtps:// speaks TLS from the first byte', async () => {
    const { mail, capture } = await sendThrough('implicit');
    assert.equal(mail.secure, true);
    assert.equal(smtpTransportOptions(capture.url).secure, true);
  });

  test('is shown as scheme, user, host and port, never with its password', () => {
    const url = `smtps://${encodeURIComponent(login.user)}:${encodeURIComponent(login.pass)}@mail.example.test`;
    assert.equal(smtpServerLabel(url), 'smtps://mailer@mail.example.test:465');
    assert.equal(smtpServerLabel('smtp://mail.example.test'), 'smtp://mail.example.test:587');
    assert.deepEqual(smtpTransportOptions(url).auth, login);
  });
});

describe('npm run doctor, SMTP', () => {
  test('mail off is said, not failed', async () => {
    const result = await checkSmtp(undefined);
    assert.equal(result.status, 'pass');
    assert.match(result.message, /^off/);
  });

  test('a working login passes', async () => {
    const capture = await startSmtpCapture({ security: 'starttls', login });
    after(() => capture.close());
    const result = await checkSmtp(capture.url, { ca: capture.certificate });
    assert.equal(result.status, 'pass', result.message);
  });

  test('says authentication failed for a wrong password, without the password', async () => {
    const capture = await startSmtpCapture({ login });
    after(() => capture.close());
    const wrong = capture.url.replace(encodeURIComponent(login.pass), 'not-the-password');
    const result = await checkSmtp(wrong);
    assert.equal(result.status, 'fail');
    assert.match(result.message, /authentication failed/);
    assert.equal(result.message.includes('not-the-password'), false);
    assert.ok(result.diagnosis);
  });

  test('says TLS failed for a certificate it cannot trust', async () => {
    const capture = await startSmtpCapture({ security: 'implicit', login });
    after(() => capture.close());
    const result = await checkSmtp(capture.url);
    assert.equal(result.status, 'fail');
    assert.match(result.message, /TLS failed/);
  });

  test('says the connection was refused when nothing listens', async () => {
    const url = `smtp://${encodeURIComponent(login.user)}:${encodeURIComponent(login.pass)}@127.0.0.1:${await freePort()}`;
    const result = await checkSmtp(url);
    assert.equal(result.status, 'fail');
    assert.match(result.message, /connection failed: connection refused/);
    assert.equal(result.message.includes(login.pass), false);
  });
});
