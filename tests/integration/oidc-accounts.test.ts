import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { accountForOidcSignIn, OidcRefused, type OidcClaims } from '../../lib/auth/oidc-accounts';
import { logIn, SecondFactorRequired } from '../../lib/auth/login';
import { assertOidcAttemptAllowed, logInWithOidc, recordOidcFailure } from '../../lib/auth/oidc-login';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../lib/auth/second-factor';
import { completeSecondFactorSignIn } from '../../lib/auth/second-factor-login';
import { totpCodeAt } from '../../lib/auth/totp';
import { oidcRefusals } from '../../lib/auth/oidc-refusals';
import { users } from '../../lib/db/schema';
import { oidcIdentities } from '../../lib/db/schema-oidc';
import { changeUserRole } from '../../lib/users/mutations';
import { sleep, useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, uniqueUsername } from '../support/users';

const issuer = 'https://login.example.com/realms/it';
const { db, config, rows } = await useTestDatabase({
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: 'itam',
  OIDC_CLIENT_SECRET: 'client-secret',
  OIDC_ROLE_CLAIM: 'groups',
  OIDC_ADMIN_VALUES: 'it-admins',
  OIDC_AGENT_VALUES: 'helpdesk',
});
const settings = config.oidc!;
const who = { id: null, username: null, ipAddress: '192.0.2.20' };
const request = { ipAddress: '192.0.2.20', protocol: 'https' as const, host: 'it.example.com', userAgent: 'test' };

const newSubject = () => `sub-${randomBytes(6).toString('hex')}`;
const newEmail = () => `${uniqueUsername('person')}@example.com`;

function signIn(claims: OidcClaims, roles = settings) {
  return db.transaction((tx) => accountForOidcSignIn(tx, who, { issuer, claims, roles }));
}

async function refusalOf(promise: Promise<unknown>): Promise<OidcRefused> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof OidcRefused, `expected OidcRefused, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the sign-in to be refused');
}

const emailOf = async (userId: string) =>
  (await db.select({ email: users.email, hash: users.passwordHash }).from(users).where(eq(users.id, userId)))[0];

test('a first sign-in makes a requester with no password, linked by issuer and subject', async () => {
  const sub = newSubject();
  const email = newEmail();
  const account = await signIn({ sub, email, email_verified: true, name: 'Pat Doe', preferred_username: 'pat.doe' });
  assert.equal(account.matched, 'created');
  assert.equal(account.role, 'requester');
  assert.equal(account.displayName, 'Pat Doe');
  assert.match(account.username, /^pat\.doe/);
  assert.deepEqual(await emailOf(account.id), { email: email.toLowerCase(), hash: '' });

  // The provider changed the address: the same account, found by its subject, not a second one.
  const again = await signIn({ sub, email: newEmail(), email_verified: true });
  assert.equal(again.matched, 'identity');
  assert.equal(again.id, account.id);
  const links = await db.select({ id: oidcIdentities.id }).from(oidcIdentities).where(eq(oidcIdentities.subject, sub));
  assert.equal(links.length, 1);
  const audits = await rows<{ action: string }>(
    sql`select action from audit_log where target_id = ${account.id} and action = 'user.create' and details->>'source' = 'oidc'`,
  );
  assert.equal(audits.length, 1);
});

test('an unverified address on a new account is not stored', async () => {
  const account = await signIn({ sub: newSubject(), email: newEmail(), email_verified: false });
  assert.equal(account.matched, 'created');
  assert.equal((await emailOf(account.id)).email, null);
});

test('a verified "address" that is a list of two is not stored: mail to the account would go to both', async () => {
  const account = await signIn({ sub: newSubject(), email: `${newEmail()},other@example.com`, email_verified: true });
  assert.equal(account.matched, 'created');
  assert.equal((await emailOf(account.id)).email, null);
});

test('a local account is linked by a verified address, and refused for an unverified one', async () => {
  const local = await createTestUser(db, { role: 'agent' });
  const email = newEmail();
  await db.update(users).set({ email }).where(eq(users.id, local.id));

  const refused = await refusalOf(signIn({ sub: newSubject(), email: email.toUpperCase(), email_verified: false }));
  assert.equal(refused.reason, 'unverified_email');
  assert.equal(refused.message, oidcRefusals.unverified_email);
  assert.equal((await refusalOf(signIn({ sub: newSubject(), email }))).reason, 'unverified_email', 'no claim is no');

  const linked = await signIn({ sub: newSubject(), email, email_verified: true, groups: ['helpdesk'] });
  assert.equal(linked.matched, 'email');
  assert.equal(linked.id, local.id);
  assert.equal(linked.role, 'agent');
});

test('an address already signing in with another identity at the provider does not hand over that account', async () => {
  const email = newEmail();
  const first = await signIn({ sub: newSubject(), email, email_verified: true });
  assert.equal(first.matched, 'created');
  // The first Jane left; the provider gave her address to a newcomer with an identity of their own.
  const refused = await refusalOf(signIn({ sub: newSubject(), email, email_verified: true }));
  assert.equal(refused.reason, 'email_in_use');
  assert.equal(refused.message, oidcRefusals.email_in_use);
});

test('the groups set the role at every sign-in, and the change is audited', async () => {
  const sub = newSubject();
  await createTestUser(db, { role: 'admin' });
  const first = await signIn({ sub, groups: ['staff', 'it-admins'] });
  assert.equal(first.role, 'admin');
  const moved = await signIn({ sub, groups: ['helpdesk'] });
  assert.equal(moved.role, 'agent');
  const audits = await rows<{ details: { from: string; to: string } }>(
    sql`select details from audit_log where target_id = ${first.id} and action = 'user.role_change' order by id`,
  );
  assert.deepEqual(
    audits.map(({ details }) => [details.from, details.to]),
    [
      ['requester', 'admin'],
      ['admin', 'agent'],
    ],
  );
  // Without a role claim set up, sign-in leaves the role alone.
  const kept = await signIn({ sub, groups: ['it-admins'] }, { ...settings, roleClaim: undefined });
  assert.equal(kept.role, 'agent');
});

test('the groups never take the role of the last active admin', async () => {
  await db.update(users).set({ active: false }).where(eq(users.role, 'admin'));
  const sub = newSubject();
  const admin = await signIn({ sub, groups: ['it-admins'] });
  assert.equal(admin.role, 'admin');
  assert.equal((await signIn({ sub, groups: [] })).role, 'admin');
});

test('a disabled account is refused, and the refusal is counted and audited', async () => {
  const sub = newSubject();
  const account = await signIn({ sub });
  await db.update(users).set({ active: false }).where(eq(users.id, account.id));
  assert.equal((await refusalOf(signIn({ sub }))).reason, 'disabled');

  const address = { ...request, ipAddress: '192.0.2.77' };
  await refusalOf(logInWithOidc(settings, { sub }, address));
  const failures = await rows<{ reason: string }>(
    sql`select details->>'reason' as reason from audit_log where action = 'auth.login_failure' and ip_address = '192.0.2.77'`,
  );
  assert.deepEqual(
    failures.map(({ reason }) => reason),
    ['disabled'],
  );
});

test('logInWithOidc opens a session and audits the sign-in with its method', async () => {
  const result = await logInWithOidc(settings, { sub: newSubject(), email: newEmail(), email_verified: true }, request);
  assert.equal(result.user.role, 'requester');
  assert.equal(result.persistent, false);
  const [row] = await rows<{ details: { method: string; account: string } }>(
    sql`select details from audit_log where action = 'auth.login_success' and target_id = ${result.sessionId}`,
  );
  assert.deepEqual(row.details, { remember: false, method: 'oidc', account: 'created' });
});

test('an account with its own second factor owes its code after single sign-on too; the code opens the session', async () => {
  const claims = { sub: newSubject(), email: newEmail(), email_verified: true };
  const first = await logInWithOidc(settings, claims, request);
  const actor = { ...first.user, ipAddress: request.ipAddress, requestId: null, sessionId: null };
  const { secret } = await db.transaction((tx) => startTotpEnrolment(tx, actor));
  await db.transaction((tx) => confirmTotpEnrolment(tx, actor, { code: totpCodeAt(secret, Date.now() - 30_000) }));
  const sessionsBefore = await rows<{ count: number }>(
    sql`select count(*)::int as count from sessions where user_id = ${first.user.id}`,
  );
  const owed = await logInWithOidc(settings, claims, request).then(
    () => assert.fail('a session was opened without the code'),
    (error: unknown) => error,
  );
  assert.ok(owed instanceof SecondFactorRequired);
  assert.equal(owed.userId, first.user.id);
  assert.deepEqual(
    await rows(sql`select count(*)::int as count from sessions where user_id = ${first.user.id}`),
    sessionsBefore,
  );
  const challenge = { uid: first.user.id, nonce: randomBytes(16).toString('hex'), remember: false, exp: 0 };
  const session = await completeSecondFactorSignIn(challenge, totpCodeAt(secret, Date.now()), request);
  assert.equal(session.user.id, first.user.id);
});

test('failed single sign-ons count against the address alone: nobody can fill that count by typing a username', async () => {
  const office = { ...request, ipAddress: '198.51.100.7' };
  const elsewhere = { ...request, ipAddress: '203.0.113.66' };
  for (let attempt = 0; attempt < config.loginLimits.maxFailuresPerAccount + 1; attempt++)
    await logIn({ username: `OIDC@${office.ipAddress}`, password: 'guess', remember: false }, elsewhere).catch(
      () => undefined,
    );
  await assertOidcAttemptAllowed(office);

  for (let attempt = 0; attempt < config.loginLimits.maxFailuresPerAccount; attempt++)
    await recordOidcFailure(office, 'cancelled');
  await assertOidcAttemptAllowed(office);
  for (
    let attempt = config.loginLimits.maxFailuresPerAccount;
    attempt < config.loginLimits.maxFailuresPerAddress;
    attempt++
  )
    await recordOidcFailure(office, 'failed');
  const refused = await refusalOf(assertOidcAttemptAllowed(office));
  assert.equal(refused.reason, 'rate_limited');
  await assertOidcAttemptAllowed(elsewhere);
});

test('an admin demoted by the provider while the other admin is demoted on the admin page: one admin remains', async () => {
  await db.update(users).set({ active: false }).where(eq(users.role, 'admin'));
  const sub = newSubject();
  const viaProvider = await signIn({ sub, groups: ['it-admins'] });
  const local = await createTestUser(db, { role: 'admin' });
  let commit = () => {};
  const committing = new Promise<void>((resolve) => (commit = resolve));
  let demoted = () => {};
  const hasDemoted = new Promise<void>((resolve) => (demoted = resolve));
  const onAdminPage = db.transaction(async (tx) => {
    await changeUserRole(tx, actorFor(viaProvider), { userId: local.id, role: 'agent' });
    demoted();
    await committing;
  });
  await hasDemoted;
  const signingIn = signIn({ sub, groups: [] });
  await sleep(200);
  commit();
  await onAdminPage;
  assert.equal((await signingIn).role, 'admin');
  const admins = await rows<{ count: number }>(
    sql`select count(*)::int as count from users where role = 'admin' and active`,
  );
  assert.equal(admins[0].count, 1);
});
