import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { logInWithPasskey, passkeyRefusedMessage, passkeySignInOptions } from '../../lib/auth/passkey-login';
import {
  listPasskeys,
  passkeyRegistrationOptions,
  registerPasskey,
  removePasskey,
  renamePasskey,
} from '../../lib/auth/passkeys';
import { findLiveSession } from '../../lib/auth/session-store';
import { auditLog, sessions } from '../../lib/db/schema';
import { passkeys } from '../../lib/db/schema-passkeys';
import { AppError } from '../../lib/errors';
import type { RequestInfo } from '../../lib/http/request-info';
import { setUserActive } from '../../lib/users/mutations';
import { SoftPasskey } from '../support/soft-authenticator';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db, config } = await useTestDatabase({
  PUBLIC_URL: 'https://it.example.com/it-assets-manager',
  LOGIN_MAX_FAILURES: '4',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '50',
  LOGIN_WINDOW: '15m',
});

const rpId = 'it.example.com';
const origin = 'https://it.example.com';

let lastAddress = 0;
const fromNewAddress = (): RequestInfo => ({
  ipAddress: `203.0.113.${++lastAddress}`,
  protocol: 'https',
  host: rpId,
  userAgent: 'node:test',
});

const refusedWith = (code: string, message?: string) => (error: unknown) =>
  error instanceof AppError && error.code === code && (message === undefined || error.message === message);

type TestUser = Awaited<ReturnType<typeof createTestUser>>;

async function registered(user: TestUser, name: string, key = new SoftPasskey(rpId, origin)) {
  const actor = actorFor(user);
  const options = await db.transaction((tx) => passkeyRegistrationOptions(tx, actor));
  const stored = await db.transaction((tx) =>
    registerPasskey(tx, actor, { name, response: key.register(options.challenge) }),
  );
  return { key, stored };
}

async function signInWith(key: SoftPasskey, request = fromNewAddress(), counter?: number, remember = false) {
  const options = await passkeySignInOptions();
  return logInWithPasskey({ response: key.assert(options.challenge, { counter }), remember }, request);
}

describe('passkeys on an account', () => {
  test('several named passkeys are stored and listed (no key material), newest last, each audited', async () => {
    const user = await createTestUser(db, { role: 'requester' });
    const options = await db.transaction((tx) => passkeyRegistrationOptions(tx, actorFor(user)));
    assert.equal(options.rp.id, rpId);
    assert.equal(options.authenticatorSelection?.residentKey, 'required');
    assert.equal(options.authenticatorSelection?.userVerification, 'required');
    const key = new SoftPasskey(rpId, origin);
    await db.transaction((tx) =>
      registerPasskey(tx, actorFor(user), { name: 'Work laptop', response: key.register(options.challenge) }),
    );
    await registered(user, 'Phone');

    const listed = await listPasskeys(db, user.id);
    assert.deepEqual(
      listed.map((passkey) => [passkey.name, passkey.lastUsedAt, passkey.transports]),
      [
        ['Work laptop', null, ['internal']],
        ['Phone', null, ['internal']],
      ],
    );
    assert.ok(listed.every((passkey) => !('publicKey' in passkey) && !('credentialId' in passkey)));
    const audited = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'passkey.registered'), eq(auditLog.actorId, user.id)));
    assert.deepEqual(
      audited.map((row) => row.details),
      [{ name: 'Work laptop' }, { name: 'Phone' }],
    );
    // The second registration's options exclude the passkeys already there.
    const again = await db.transaction((tx) => passkeyRegistrationOptions(tx, actorFor(user)));
    assert.equal(again.excludeCredentials?.length, 2);
  });

  test('a registration answer is refused for a challenge not issued to this user, used twice, or from another origin', async () => {
    const [owner, other] = [await createTestUser(db), await createTestUser(db)];
    const options = await db.transaction((tx) => passkeyRegistrationOptions(tx, actorFor(owner)));
    await assert.rejects(
      db.transaction((tx) =>
        registerPasskey(tx, actorFor(other), {
          name: 'Stolen',
          response: new SoftPasskey(rpId, origin).register(options.challenge),
        }),
      ),
      refusedWith('validation_failed'),
    );
    await assert.rejects(
      db.transaction((tx) =>
        registerPasskey(tx, actorFor(owner), {
          name: 'Elsewhere',
          response: new SoftPasskey(rpId, origin).register(options.challenge, { origin: 'https://evil.example' }),
        }),
      ),
      refusedWith('validation_failed'),
    );
    await assert.rejects(
      db.transaction((tx) =>
        registerPasskey(tx, actorFor(owner), {
          name: 'Made up',
          response: new SoftPasskey(rpId, origin).register('bm90LWlzc3VlZC1ieS10aGUtc2VydmVy'),
        }),
      ),
      refusedWith('validation_failed'),
    );
    const key = new SoftPasskey(rpId, origin);
    await db.transaction((tx) =>
      registerPasskey(tx, actorFor(owner), { name: 'Good', response: key.register(options.challenge) }),
    );
    await assert.rejects(
      db.transaction((tx) =>
        registerPasskey(tx, actorFor(owner), {
          name: 'Twice',
          response: new SoftPasskey(rpId, origin).register(options.challenge),
        }),
      ),
      refusedWith('validation_failed'),
    );
    assert.deepEqual(
      (await listPasskeys(db, owner.id)).map((passkey) => passkey.name),
      ['Good'],
    );
    assert.deepEqual(await listPasskeys(db, other.id), []);
  });

  test('a passkey needs a name', async () => {
    const user = await createTestUser(db);
    const options = await db.transaction((tx) => passkeyRegistrationOptions(tx, actorFor(user)));
    await assert.rejects(
      db.transaction((tx) =>
        registerPasskey(tx, actorFor(user), {
          name: '   ',
          response: new SoftPasskey(rpId, origin).register(options.challenge),
        }),
      ),
      refusedWith('validation_failed'),
    );
  });

  test('renamed and removed by their owner only; a removed passkey no longer signs in', async () => {
    const [owner, other] = [await createTestUser(db), await createTestUser(db)];
    const { key, stored } = await registered(owner, 'Old name');
    await assert.rejects(
      db.transaction((tx) => removePasskey(tx, actorFor(other), { id: stored.id })),
      refusedWith('not_found'),
    );
    await assert.rejects(
      db.transaction((tx) => renamePasskey(tx, actorFor(other), { id: stored.id, name: 'Mine now' })),
      refusedWith('not_found'),
    );
    await db.transaction((tx) => renamePasskey(tx, actorFor(owner), { id: stored.id, name: 'Desk key' }));
    assert.equal((await listPasskeys(db, owner.id))[0].name, 'Desk key');

    const removed = await db.transaction((tx) => removePasskey(tx, actorFor(owner), { id: stored.id }));
    assert.equal(removed.name, 'Desk key');
    assert.deepEqual(await listPasskeys(db, owner.id), []);
    await assert.rejects(signInWith(key), refusedWith('invalid_credentials', passkeyRefusedMessage));
    await assert.rejects(
      db.transaction((tx) => removePasskey(tx, actorFor(owner), { id: stored.id })),
      refusedWith('not_found'),
    );
  });
});

describe('signing in with a passkey', () => {
  test('opens a live session for its user, records the counter and when it was last used', async () => {
    const user = await createTestUser(db, { role: 'agent' });
    const { key } = await registered(user, 'Laptop');
    const result = await signInWith(key);
    assert.equal(result.user.id, user.id);
    assert.equal(result.persistent, false);
    assert.ok(await findLiveSession(db, config, result.token, user.id));
    const [row] = await db
      .select({ counter: passkeys.counter, lastUsedAt: passkeys.lastUsedAt })
      .from(passkeys)
      .where(eq(passkeys.userId, user.id));
    assert.equal(row.counter, 1);
    assert.ok(row.lastUsedAt instanceof Date);
    assert.equal((await listPasskeys(db, user.id))[0].lastUsedAt?.getTime(), row.lastUsedAt.getTime());

    await signInWith(key);
    const [after] = await db.select({ counter: passkeys.counter }).from(passkeys).where(eq(passkeys.userId, user.id));
    assert.equal(after.counter, 2);
    const [success] = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login_success'), eq(auditLog.actorId, user.id)))
      .limit(1);
    assert.deepEqual(success.details, { remember: false, method: 'passkey', passkey: 'Laptop' });
  });

  test('"remember me" opens a persistent session with a passkey as with a password', async () => {
    const user = await createTestUser(db);
    const { key } = await registered(user, 'Laptop');
    const remembered = await signInWith(key, fromNewAddress(), undefined, true);
    assert.equal(remembered.persistent, true);
    const [row] = await db
      .select({ persistent: sessions.persistent })
      .from(sessions)
      .where(eq(sessions.id, remembered.sessionId));
    assert.equal(row.persistent, true);
    const forgotten = await signInWith(key);
    assert.equal(forgotten.persistent, false);
  });

  test('the session the browser held before is ended', async () => {
    const user = await createTestUser(db);
    const { key } = await registered(user, 'Laptop');
    const first = await signInWith(key);
    const options = await passkeySignInOptions();
    const second = await logInWithPasskey(
      { response: key.assert(options.challenge), remember: false },
      fromNewAddress(),
      first.token,
    );
    assert.equal(await findLiveSession(db, config, first.token, user.id), null);
    assert.ok(await findLiveSession(db, config, second.token, user.id));
  });

  test('an unknown passkey is refused and counted as a failed sign-in', async () => {
    const request = fromNewAddress();
    await assert.rejects(
      signInWith(new SoftPasskey(rpId, origin), request),
      refusedWith('invalid_credentials', passkeyRefusedMessage),
    );
    const failures = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login_failure'), eq(auditLog.ipAddress, request.ipAddress)));
    assert.deepEqual(
      failures.map((row) => row.details),
      [{ method: 'passkey', reason: 'unknown_passkey' }],
    );
  });

  test('a replayed answer, a counter that went back and a key of another site are refused', async () => {
    const user = await createTestUser(db);
    const { key } = await registered(user, 'Laptop');
    const options = await passkeySignInOptions();
    const answer = key.assert(options.challenge);
    await logInWithPasskey({ response: answer, remember: false }, fromNewAddress());
    await assert.rejects(
      logInWithPasskey({ response: answer, remember: false }, fromNewAddress()),
      refusedWith('invalid_credentials'),
    );
    await assert.rejects(signInWith(key, fromNewAddress(), 1), refusedWith('invalid_credentials'));

    const foreign = new SoftPasskey('evil.example', 'https://evil.example');
    Object.assign(foreign, { credentialId: key.credentialId });
    await assert.rejects(signInWith(foreign), refusedWith('invalid_credentials'));
    // The good key still works afterwards.
    await signInWith(key, fromNewAddress(), 10);
  });

  test('a disabled user cannot sign in with their passkey', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    const user = await createTestUser(db);
    const { key } = await registered(user, 'Laptop');
    await db.transaction((tx) => setUserActive(tx, actorFor(admin), { userId: user.id, active: false }));
    await assert.rejects(signInWith(key), refusedWith('invalid_credentials', passkeyRefusedMessage));
    const [failure] = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.login_failure'), eq(auditLog.actorId, user.id)));
    assert.equal((failure.details as { reason: string }).reason, 'disabled');
  });

  test('failed passkey answers count towards the account limit, which then refuses even a good one', async () => {
    const user = await createTestUser(db);
    const { key } = await registered(user, 'Laptop');
    const options = await passkeySignInOptions();
    const forged = key.assert(options.challenge);
    forged.response.signature = Buffer.from('not a signature').toString('base64url');
    for (let attempt = 0; attempt < 4; attempt++) {
      await assert.rejects(
        logInWithPasskey({ response: forged, remember: false }, fromNewAddress()),
        refusedWith('invalid_credentials'),
      );
    }
    await assert.rejects(signInWith(key), refusedWith('rate_limited'));
  });

  test('challenges expire', async () => {
    const user = await createTestUser(db);
    const { key } = await registered(user, 'Laptop');
    const options = await passkeySignInOptions();
    await db.execute(sql`update passkey_challenges set expires_at = now() - interval '1 second'`);
    await assert.rejects(
      logInWithPasskey({ response: key.assert(options.challenge), remember: false }, fromNewAddress()),
      refusedWith('invalid_credentials'),
    );
  });
});
