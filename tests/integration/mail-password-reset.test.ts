import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { logIn } from '../../lib/auth/login';
import { verifyCurrentPassword } from '../../lib/auth/password-check';
import { resetLinkProblems, resetPasswordWithToken } from '../../lib/auth/password-reset';
import { requestPasswordReset } from '../../lib/auth/password-reset-request';
import { listActiveSessions } from '../../lib/auth/session-store';
import { AppError } from '../../lib/errors';
import type { RequestInfo } from '../../lib/http/request-info';
import { jobHandlers } from '../../lib/jobs/handlers';
import { startSmtpCapture } from '../support/smtp-capture';
import { useTestDatabase } from '../support/test-database';
import { setUserPassword, updateUserDetails } from '../../lib/users/mutations';
import { actorFor, createTestUser, openTestSession } from '../support/users';

// "Forgot password" end to end below the pages: the request queues a job holding only the user
// id, the job makes the token and mails it through a capture server, the link works once.

const capture = await startSmtpCapture();
after(() => capture.close());
const publicUrl = 'http://127.0.0.1:3998';
const { db, rows, config } = await useTestDatabase({
  SMTP_URL: capture.url,
  MAIL_FROM: 'helpdesk@example.test',
  PUBLIC_URL: publicUrl,
});

let addressCounter = 0;
/** A fresh client address per request, so the per-address limit is only met where a test wants it. */
const from = (ipAddress = `198.51.100.${++addressCounter}`): RequestInfo => ({
  ipAddress,
  protocol: 'http',
  host: '127.0.0.1',
  userAgent: 'integration-test',
});

async function userWithEmail() {
  const user = await createTestUser(db, { role: 'requester' });
  const email = `${user.username}@Example.test`;
  await rows(sql`update users set email = ${email} where id = ${user.id}`);
  return { ...user, email };
}

const handled = new Set<string>();
async function pendingResetJobs() {
  const jobs = await rows<{ id: string; data: Record<string, unknown> }>(
    sql`select id, data from pgboss.job where name = 'password-reset' order by created_on, id`,
  );
  return jobs.filter((job) => !handled.has(job.id));
}

/** Runs the queued 'password-reset' jobs and returns the token from each mail that arrived. */
async function mailedTokens(): Promise<string[]> {
  capture.clear();
  const jobs = await pendingResetJobs();
  for (const job of jobs) {
    handled.add(job.id);
    await jobHandlers['password-reset'](job.data, { id: job.id, retryCount: 0 });
  }
  const mails = await capture.waitForMessages(jobs.length);
  return mails.map((mail) => {
    const match = new RegExp(`${publicUrl}/reset-password\\?token=([\\w-]+)`).exec(mail.parsed.text ?? '');
    assert.ok(match, 'the mail carries the reset link');
    assert.equal(mail.parsed.headers.get('auto-submitted'), 'auto-generated');
    assert.ok((mail.parsed.html as string).includes(`href="${match[0]}"`));
    return match[1];
  });
}

const refusedWith = (message: string) => (error: unknown) =>
  error instanceof AppError && error.code === 'bad_request' && error.message === message;

describe('asking for a link', () => {
  test('by username or email (any case) queues a job that holds only the user id, and mails a hashed 30-minute token', async () => {
    const user = await userWithEmail();
    await requestPasswordReset(db, from(), user.email.toUpperCase());
    const [job] = await pendingResetJobs();
    assert.deepEqual(job.data, { userId: user.id });

    const [token] = await mailedTokens();
    const [stored] = await rows<{ token_hash: string; minutes: number; used_at: Date | null }>(
      sql`select token_hash, extract(epoch from expires_at - created_at) / 60 as minutes, used_at from password_reset_tokens where user_id = ${user.id}`,
    );
    assert.equal(stored.token_hash, createHash('sha256').update(token).digest('hex'));
    assert.equal(Math.round(Number(stored.minutes)), 30);
    assert.equal(stored.used_at, null);
    const everything = JSON.stringify(await rows(sql`select data from pgboss.job`));
    assert.equal(everything.includes(token), false);
    const sent = await rows(sql`select outcome from mail_messages where direction = 'out' and user_id = ${user.id}`);
    assert.deepEqual([...sent], [{ outcome: 'password_reset' }]);
  });

  test('for an unknown address answers the same and sends nothing', async () => {
    await requestPasswordReset(db, from(), 'nobody-at-all@example.test');
    assert.deepEqual(await pendingResetJobs(), []);
    const [audit] = await rows<{ details: unknown }>(
      sql`select details from audit_log where action = 'auth.password_reset_request' order by id desc limit 1`,
    );
    assert.deepEqual(audit.details, { matched: false });
  });

  test('past three requests an account gets no more mails, and one address is refused after ten', async () => {
    const user = await userWithEmail();
    for (let i = 0; i < 5; i++) await requestPasswordReset(db, from(), user.username);
    assert.equal((await pendingResetJobs()).length, 3);
    await mailedTokens();

    const address = '203.0.113.77';
    for (let i = 0; i < 10; i++) await requestPasswordReset(db, from(address), `someone-${i}`);
    await assert.rejects(
      () => requestPasswordReset(db, from(address), user.username),
      (error: unknown) => error instanceof AppError && error.code === 'rate_limited',
    );
  });
});

describe('using the link', () => {
  test('sets the password once, ends every session of the account, and is audited', async () => {
    const user = await userWithEmail();
    await openTestSession(db, config, user.id);
    await openTestSession(db, config, user.id, { persistent: true });
    await requestPasswordReset(db, from(), user.username);
    const [token] = await mailedTokens();

    const result = await resetPasswordWithToken(db, from(), { token, password: 'a brand new secret' });
    assert.equal(result.sessionsRevoked, 2);
    assert.deepEqual(await listActiveSessions(db, user.id), []);
    assert.equal(await verifyCurrentPassword(user.id, 'a brand new secret'), true);
    assert.equal(await verifyCurrentPassword(user.id, user.password), false);
    const audits = await rows<{ action: string }>(
      sql`select action from audit_log where target_id = ${user.id} and action in ('auth.password_reset', 'user.password_change')`,
    );
    assert.deepEqual(audits.map((row) => row.action).sort(), ['auth.password_reset', 'user.password_change']);

    await assert.rejects(
      () => resetPasswordWithToken(db, from(), { token, password: 'yet another secret' }),
      refusedWith(resetLinkProblems.used),
    );
    assert.equal(await verifyCurrentPassword(user.id, 'a brand new secret'), true);
  });

  test('a link mailed before the password was changed another way no longer works', async () => {
    const user = await userWithEmail();
    await requestPasswordReset(db, from(), user.username);
    const [token] = await mailedTokens();
    await db.transaction((tx) =>
      setUserPassword(tx, actorFor(user), { userId: user.id, password: 'changed on the account page' }),
    );
    await assert.rejects(
      () => resetPasswordWithToken(db, from(), { token, password: 'the attacker wants this' }),
      refusedWith(resetLinkProblems.used),
    );
    assert.equal(await verifyCurrentPassword(user.id, 'changed on the account page'), true);
  });

  test('a link mailed to an address an admin has since changed no longer works', async () => {
    const user = await userWithEmail();
    const admin = await createTestUser(db, { role: 'admin' });
    await requestPasswordReset(db, from(), user.username);
    const [token] = await mailedTokens();
    await db.transaction((tx) =>
      updateUserDetails(tx, actorFor(admin), {
        userId: user.id,
        displayName: 'Moved on',
        email: `moved-${user.username}@example.test`,
      }),
    );
    await assert.rejects(
      () => resetPasswordWithToken(db, from(), { token, password: 'the old mailbox wants this' }),
      refusedWith(resetLinkProblems.used),
    );
  });

  test('an expired or unknown link is refused with a clear message, and a weak password changes nothing', async () => {
    const user = await userWithEmail();
    await requestPasswordReset(db, from(), user.username);
    const [token] = await mailedTokens();
    await assert.rejects(
      () => resetPasswordWithToken(db, from(), { token, password: 'short' }),
      (error: unknown) => error instanceof AppError && error.code === 'validation_failed',
    );
    await rows(
      sql`update password_reset_tokens set expires_at = now() - interval '1 minute' where user_id = ${user.id}`,
    );
    await assert.rejects(
      () => resetPasswordWithToken(db, from(), { token, password: 'a brand new secret' }),
      refusedWith(resetLinkProblems.expired),
    );
    await assert.rejects(
      () => resetPasswordWithToken(db, from(), { token: 'not-a-token-we-made', password: 'a brand new secret' }),
      refusedWith(resetLinkProblems.unknown),
    );
    assert.equal(await verifyCurrentPassword(user.id, user.password), true);
  });

  test('an account made from mail (no password) cannot sign in until the link sets its first password', async () => {
    const user = await userWithEmail();
    await rows(sql`update users set password_hash = '' where id = ${user.id}`);
    const signIn = (password: string) => logIn({ username: user.username, password, remember: false }, from());
    await assert.rejects(
      () => signIn(''.padEnd(8, 'x')),
      (error: unknown) => error instanceof AppError && error.code === 'invalid_credentials',
    );
    await requestPasswordReset(db, from(), user.email);
    const [token] = await mailedTokens();
    await resetPasswordWithToken(db, from(), { token, password: 'my first password' });
    const session = await signIn('my first password');
    assert.equal(session.user.id, user.id);
  });
});

describe('a mail server that is down', () => {
  test('fails the job and leaves no usable token behind', async () => {
    const user = await userWithEmail();
    await requestPasswordReset(db, from(), user.username);
    const [job] = await pendingResetJobs();
    await capture.close();
    await assert.rejects(
      () => jobHandlers['password-reset'](job.data, { id: job.id, retryCount: 0 }),
      /failed at connection: connection refused/,
    );
    assert.equal((await rows(sql`select id from password_reset_tokens where user_id = ${user.id}`)).length, 0);
  });
});
