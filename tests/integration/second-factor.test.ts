import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { logIn } from '../../lib/auth/login';
import { recheckCode, recheckPassword } from '../../lib/auth/recheck';
import { hashRecoveryCode, normalizeRecoveryCode } from '../../lib/auth/recovery-codes';
import {
  confirmTotpEnrolment,
  disableTotp,
  hasSecondFactor,
  secondFactorSetupPending,
  startTotpEnrolment,
  totpState,
} from '../../lib/auth/second-factor';
import {
  resetSecondFactor,
  rolesRequiringSecondFactor,
  setRolesRequiringSecondFactor,
} from '../../lib/auth/second-factor-admin';
import { completeSecondFactorSignIn } from '../../lib/auth/second-factor-login';
import { findLiveSession } from '../../lib/auth/session-store';
import { totpCodeAt } from '../../lib/auth/totp';
import { AppError } from '../../lib/errors';
import { sleep, useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db, config, rows } = await useTestDatabase({
  LOGIN_MAX_FAILURES: '3',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '50',
  LOGIN_WINDOW: '15m',
});

let lastAddress = 0;
const newAddress = () => `198.51.100.${++lastAddress}`;
const requestFrom = (ipAddress: string) => ({
  ipAddress,
  protocol: 'https' as const,
  host: 'it.example.com',
  userAgent: 'integration-test',
});

const period = 30_000;
/** Codes are made for "now" and checked a moment later: never start a test in a step's last seconds. */
async function awayFromStepEnd(): Promise<void> {
  const left = period - (Date.now() % period);
  if (left < 4000) await sleep(left + 100);
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
  return error;
}

/** A user with an authenticator app turned on with the previous step's code, so "now" is still unused. */
async function enrolledUser(role: 'agent' | 'admin' | 'requester' = 'agent') {
  await awayFromStepEnd();
  const user = await createTestUser(db, { role });
  const actor = actorFor(user);
  const { secret, uri } = await db.transaction((tx) => startTotpEnrolment(tx, actor));
  assert.match(uri, /^otpauth:\/\/totp\//);
  const { recoveryCodes } = await db.transaction((tx) =>
    confirmTotpEnrolment(tx, actor, { code: totpCodeAt(secret, Date.now() - period) }),
  );
  return { user, actor, secret, recoveryCodes };
}

const signIn = (user: { username: string; password: string }, ip: string, code?: string) =>
  logIn({ username: user.username, password: user.password, remember: false, code }, requestFrom(ip));

describe('enrolling an authenticator app', () => {
  test('start gives a secret; it counts only after a valid code; ten recovery codes, stored hashed', async () => {
    await awayFromStepEnd();
    const user = await createTestUser(db);
    const actor = actorFor(user);
    const { secret } = await db.transaction((tx) => startTotpEnrolment(tx, actor));
    assert.equal(await hasSecondFactor(db, user.id), false);
    const pending = await totpState(db, actor);
    assert.equal(pending.status, 'pending');
    assert.equal(pending.status === 'pending' && pending.secret, secret);

    const wrong = await rejection(db.transaction((tx) => confirmTotpEnrolment(tx, actor, { code: '000000' })));
    assert.equal(wrong.code, 'validation_failed');
    assert.ok(wrong.fields?.code);
    assert.equal(await hasSecondFactor(db, user.id), false);

    const { recoveryCodes } = await db.transaction((tx) =>
      confirmTotpEnrolment(tx, actor, { code: totpCodeAt(secret, Date.now()) }),
    );
    assert.equal(recoveryCodes.length, 10);
    assert.equal(new Set(recoveryCodes).size, 10);
    assert.equal(await hasSecondFactor(db, user.id), true);
    assert.deepEqual(await totpState(db, actor), { status: 'on' }, 'the secret is never handed out again');

    const [stored] = await rows<{ secret_sealed: string }>(
      sql`select secret_sealed from user_totp where user_id = ${user.id}`,
    );
    assert.ok(!stored.secret_sealed.includes(secret), 'the secret is encrypted at rest');
    const hashes = await rows<{ code_hash: string }>(
      sql`select code_hash from recovery_codes where user_id = ${user.id} order by code_hash`,
    );
    assert.deepEqual(
      hashes.map((row) => row.code_hash),
      recoveryCodes.map((code) => hashRecoveryCode(normalizeRecoveryCode(code)!)).sort(),
    );
    const [audit] = await rows<{ action: string }>(
      sql`select action from audit_log where target_id = ${user.id} and action = 'user.second_factor_enable'`,
    );
    assert.ok(audit);

    const again = await rejection(db.transaction((tx) => startTotpEnrolment(tx, actor)));
    assert.equal(again.code, 'conflict');
  });
});

describe('signing in with a second factor', () => {
  test('the password alone opens no session: second_factor_required, only after a right password', async () => {
    const { user } = await enrolledUser();
    const ip = newAddress();
    const pending = await rejection(signIn(user, ip));
    assert.equal(pending.code, 'second_factor_required');
    assert.equal(pending.status, 401);
    const wrongPassword = await rejection(signIn({ ...user, password: 'not the password' }, ip));
    assert.equal(wrongPassword.code, 'invalid_credentials');
    const [{ count }] = await rows<{ count: number }>(
      sql`select count(*)::int as count from sessions where user_id = ${user.id}`,
    );
    assert.equal(Number(count), 0);
  });

  test('password and current code open a session; the same code is refused again', async () => {
    const { user, secret } = await enrolledUser();
    const code = totpCodeAt(secret, Date.now());
    const session = await signIn(user, newAddress(), code);
    assert.ok(await findLiveSession(db, config, session.token, user.id));
    const replay = await rejection(signIn(user, newAddress(), code));
    assert.equal(replay.code, 'invalid_credentials');
    assert.ok(replay.fields?.code);
    // The next step's code (one step ahead is allowed) still works.
    assert.ok(await signIn(user, newAddress(), totpCodeAt(secret, Date.now() + period)));
  });

  test('the code step after a challenge opens the session; wrong codes there count toward the limit', async () => {
    const { user, secret } = await enrolledUser();
    const ip = newAddress();
    const challenge = { uid: user.id, nonce: 'n'.repeat(22), remember: true, exp: Math.floor(Date.now() / 1000) + 300 };
    for (let i = 0; i < 3; i++) {
      const wrong = await rejection(completeSecondFactorSignIn(challenge, '000000', requestFrom(ip)));
      assert.equal(wrong.code, 'invalid_credentials');
    }
    // Three failures is the per-account limit: even the right code waits now.
    const blocked = await rejection(
      completeSecondFactorSignIn(challenge, totpCodeAt(secret, Date.now()), requestFrom(ip)),
    );
    assert.equal(blocked.code, 'rate_limited');
    const blockedPassword = await rejection(signIn(user, newAddress(), totpCodeAt(secret, Date.now())));
    assert.equal(blockedPassword.code, 'rate_limited', 'code guesses and password guesses share one count');
    const failures = await rows<{ reason: string }>(
      sql`select details->>'reason' as reason from audit_log where target_id = ${user.id} and action = 'auth.login_failure'`,
    );
    assert.deepEqual(
      failures.map((row) => row.reason),
      ['wrong_code', 'wrong_code', 'wrong_code'],
    );
  });

  test('a successful code step opens a "remember me" session when the challenge asked for one', async () => {
    const { user, secret } = await enrolledUser();
    const challenge = { uid: user.id, nonce: 'n'.repeat(22), remember: true, exp: Math.floor(Date.now() / 1000) + 300 };
    const session = await completeSecondFactorSignIn(
      challenge,
      totpCodeAt(secret, Date.now()),
      requestFrom(newAddress()),
    );
    assert.equal(session.persistent, true);
    assert.equal(session.user.id, user.id);
  });

  test('a recovery code works once, in any case and spacing', async () => {
    const { user, recoveryCodes } = await enrolledUser();
    const [code] = recoveryCodes;
    const session = await signIn(user, newAddress(), code.toLowerCase().replaceAll('-', ' '));
    assert.ok(await findLiveSession(db, config, session.token, user.id));
    const again = await rejection(signIn(user, newAddress(), code));
    assert.equal(again.code, 'invalid_credentials');
    assert.ok(await signIn(user, newAddress(), recoveryCodes[1]), 'the other codes still work');
    const [used] = await rows<{ action: string }>(
      sql`select action from audit_log where target_id = ${user.id} and action = 'auth.recovery_code_used'`,
    );
    assert.ok(used);
  });

  test('two sign-ins racing with one code: only one wins', async () => {
    const { user, secret } = await enrolledUser();
    const code = totpCodeAt(secret, Date.now());
    const results = await Promise.allSettled([signIn(user, newAddress(), code), signIn(user, newAddress(), code)]);
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
  });
});

describe('turning it off and admin controls', () => {
  test('turning it off asks again for a current code; a used or wrong one is refused', async () => {
    const { actor, secret, user } = await enrolledUser();
    assert.equal(await recheckCode(actor, '123456'), false);
    const code = totpCodeAt(secret, Date.now());
    assert.equal(await recheckCode(actor, code), true);
    assert.equal(await recheckCode(actor, code), false, 'a code is spent once used');
    assert.equal(await hasSecondFactor(db, user.id), true);
    await db.transaction((tx) => disableTotp(tx, actor, { confirmedWith: 'code' }));
    assert.equal(await hasSecondFactor(db, user.id), false);
    const [{ count }] = await rows<{ count: number }>(
      sql`select count(*)::int as count from recovery_codes where user_id = ${user.id}`,
    );
    assert.equal(Number(count), 0);
    // Without a second factor the password alone signs in again.
    assert.ok(await signIn(user, newAddress()));
  });

  test('asking again counts like signing in: past the limit of wrong answers even the right one waits', async () => {
    const { actor, user, secret } = await enrolledUser();
    await awayFromStepEnd();
    for (const wrong of ['not my password', 'still not it']) assert.equal(await recheckPassword(actor, wrong), false);
    assert.equal(await recheckCode(actor, '000000'), false);
    const failures = await rows<{ count: number }>(
      sql`select count(*)::int as count from audit_log where target_id = ${user.id} and action = 'auth.login_failure'`,
    );
    assert.equal(Number(failures[0].count), 3);
    await assert.rejects(recheckPassword(actor, user.password), { code: 'rate_limited' });
    await assert.rejects(recheckCode(actor, totpCodeAt(secret, Date.now())), { code: 'rate_limited' });
  });

  test('an admin reset removes the factor, ends every session of the user and is audited', async () => {
    const { user, secret } = await enrolledUser();
    const admin = await createTestUser(db, { role: 'admin' });
    const first = await signIn(user, newAddress(), totpCodeAt(secret, Date.now()));
    const other = await signIn(user, newAddress(), totpCodeAt(secret, Date.now() + period));
    const { sessionsRevoked } = await db.transaction((tx) =>
      resetSecondFactor(tx, actorFor(admin), { userId: user.id }),
    );
    assert.equal(sessionsRevoked, 2);
    assert.equal(await findLiveSession(db, config, first.token, user.id), null);
    assert.equal(await findLiveSession(db, config, other.token, user.id), null);
    assert.equal(await hasSecondFactor(db, user.id), false);
    const [audit] = await rows<{ actor_id: string; details: { sessionsRevoked: number } }>(
      sql`select actor_id, details from audit_log where target_id = ${user.id} and action = 'user.second_factor_reset'`,
    );
    assert.equal(audit.actor_id, admin.id);
    assert.equal(audit.details.sessionsRevoked, 2);

    const notAdmin = await rejection(
      db.transaction((tx) => resetSecondFactor(tx, actorFor(user), { userId: admin.id })),
    );
    assert.equal(notAdmin.code, 'forbidden');
  });

  test('a role can be required to have a second factor: its users without one are pending set-up', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    const requester = await createTestUser(db, { role: 'requester' });
    const { user: enrolled } = await enrolledUser('requester');
    assert.equal(await secondFactorSetupPending(db, requester), false);

    await db.transaction((tx) => setRolesRequiringSecondFactor(tx, actorFor(admin), { roles: ['requester'] }));
    assert.deepEqual(await rolesRequiringSecondFactor(db), ['requester']);
    assert.equal(await secondFactorSetupPending(db, requester), true);
    assert.equal(await secondFactorSetupPending(db, enrolled), false);
    assert.equal(await secondFactorSetupPending(db, admin), false);

    const refused = await rejection(
      db.transaction((tx) => setRolesRequiringSecondFactor(tx, actorFor(requester), { roles: [] })),
    );
    assert.equal(refused.code, 'forbidden');
    await db.transaction((tx) => setRolesRequiringSecondFactor(tx, actorFor(admin), { roles: [] }));
    assert.equal(await secondFactorSetupPending(db, requester), false);
    const audits = await rows<{ action: string }>(
      sql`select action from audit_log where action = 'security.second_factor_roles'`,
    );
    assert.equal(audits.length, 2);
  });
});
