import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { invalidCredentialsMessage, logIn } from '../../lib/auth/login';
import { newSessionCookie, recentSession, resolveSession, signedOutCookie } from '../../lib/auth/session';
import { serializeSessionCookie, sessionCookieName } from '../../lib/auth/session-cookie';
import { findLiveSession } from '../../lib/auth/session-store';
import { AppError } from '../../lib/errors';
import { setUserActive } from '../../lib/users/mutations';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, uniqueUsername } from '../support/users';

const { db, config, rows } = await useTestDatabase({
  LOGIN_MAX_FAILURES: '3',
  LOGIN_MAX_FAILURES_PER_ADDRESS: '5',
  LOGIN_WINDOW: '15m',
});

let lastAddress = 0;
/** Each test signs in from addresses of its own, so per-address counts never leak between tests. */
const newAddress = () => `198.51.100.${++lastAddress}`;

function attempt(
  username: string,
  password: string,
  ipAddress: string,
  options: { remember?: boolean; previousToken?: string } = {},
) {
  return logIn(
    { username, password, remember: options.remember ?? false },
    { ipAddress, protocol: 'https', host: 'it.example.com', userAgent: 'integration-test' },
    options.previousToken,
  );
}

/** The Cookie header a browser sends after this login: the cookie it was given, as newSessionCookie made it. */
async function cookieHeaderOf(result: Awaited<ReturnType<typeof logIn>>): Promise<string> {
  const cookie = await newSessionCookie(
    { token: result.token, userId: result.user.id, persistent: result.persistent, expiresAt: result.expiresAt },
    'https',
  );
  return `${cookie.name}=${encodeURIComponent(cookie.value)}`;
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail('expected the login to be refused'),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
  return error;
}

describe('logIn', () => {
  test('right credentials open a new, valid session; the username is case-insensitive', async () => {
    const user = await createTestUser(db, { username: uniqueUsername('Alice') });
    const result = await attempt(`  ${user.username.toUpperCase()} `, user.password, newAddress(), { remember: true });
    assert.equal(result.user.id, user.id);
    assert.equal(result.user.role, 'agent');
    assert.equal(result.persistent, true);
    assert.ok(result.expiresAt.getTime() > Date.now() + 6 * 86400 * 1000);
    const valid = await findLiveSession(db, config, result.token, user.id);
    assert.equal(valid?.session.id, result.sessionId);
    assert.equal(valid?.session.persistent, true);
  });

  test('wrong password, unknown user and disabled account get the same answer', async () => {
    const user = await createTestUser(db);
    const disabled = await createTestUser(db);
    const admin = await createTestUser(db, { role: 'admin' });
    await db.transaction((tx) => setUserActive(tx, actorFor(admin), { userId: disabled.id, active: false }));

    const ip = newAddress();
    const failures = [
      await rejection(attempt(user.username, 'not the password', ip)),
      await rejection(attempt(uniqueUsername('nobody'), user.password, ip)),
      await rejection(attempt(disabled.username, disabled.password, newAddress())),
    ];
    for (const failure of failures) {
      assert.equal(failure.code, 'invalid_credentials');
      assert.equal(failure.message, invalidCredentialsMessage);
      assert.equal(failure.status, 401);
    }
  });

  test('past the per-account limit even the right password is refused, with when to try again', async () => {
    const user = await createTestUser(db);
    const ip = newAddress();
    for (let i = 0; i < 3; i++)
      assert.equal((await rejection(attempt(user.username, 'wrong password', ip))).code, 'invalid_credentials');

    const blocked = await rejection(attempt(user.username, user.password, ip));
    assert.equal(blocked.code, 'rate_limited');
    assert.equal(blocked.status, 429);
    assert.ok(blocked.retryAfterSeconds && blocked.retryAfterSeconds > 0 && blocked.retryAfterSeconds <= 900);
    assert.match(blocked.message, /Try again in 15 minutes\./);

    // The account limit holds from any address.
    assert.equal((await rejection(attempt(user.username, user.password, newAddress()))).code, 'rate_limited');
    // Another account from another address is unaffected.
    const other = await createTestUser(db);
    assert.ok(await attempt(other.username, other.password, newAddress()));
  });

  test('the per-address limit stops one address from trying many usernames', async () => {
    const ip = newAddress();
    for (let i = 0; i < 5; i++) await rejection(attempt(uniqueUsername('guess'), 'password123', ip));
    const user = await createTestUser(db);
    const blocked = await rejection(attempt(user.username, user.password, ip));
    assert.equal(blocked.code, 'rate_limited');
    assert.ok(await attempt(user.username, user.password, newAddress()));
  });

  test("a successful login clears the account's failures", async () => {
    const user = await createTestUser(db);
    const wrong = () => rejection(attempt(user.username, 'wrong password', newAddress()));
    await wrong();
    await wrong();
    assert.ok(await attempt(user.username, user.password, newAddress()));
    await wrong();
    await wrong();
    // Without the reset this would be the fifth failure in the window, past the limit of 3.
    assert.ok(await attempt(user.username, user.password, newAddress()));
  });

  test('failures counted by another process (rows in the database) also block', async () => {
    const user = await createTestUser(db);
    const key = user.username.toLowerCase();
    await rows(sql`insert into login_attempts (username_key, ip_address, succeeded)
                   select ${key}, '203.0.113.' || n, false from generate_series(1, 3) as n`);
    assert.equal((await rejection(attempt(user.username, user.password, newAddress()))).code, 'rate_limited');
  });

  test('failures older than the window no longer count', async () => {
    const user = await createTestUser(db);
    const key = user.username.toLowerCase();
    await rows(sql`insert into login_attempts (username_key, ip_address, succeeded, attempted_at)
                   select ${key}, '203.0.113.9', false, now() - interval '16 minutes' from generate_series(1, 3)`);
    assert.ok(await attempt(user.username, user.password, newAddress()));
  });

  test('logging in ends the session the browser held before, and issues a new id', async () => {
    const user = await createTestUser(db);
    const ip = newAddress();
    const first = await attempt(user.username, user.password, ip);
    assert.ok(await findLiveSession(db, config, first.token, user.id));
    // The browser has been using the first session: its Cookie header is in this process's memory.
    const firstHeader = await cookieHeaderOf(first);
    assert.ok((await resolveSession(firstHeader, 'https')).signedIn);
    assert.ok(recentSession(firstHeader));

    const second = await attempt(user.username, user.password, ip, { previousToken: first.token });
    assert.notEqual(second.sessionId, first.sessionId);
    assert.notEqual(second.token, first.token);
    assert.equal(await findLiveSession(db, config, first.token, user.id), null);
    assert.equal((await resolveSession(firstHeader, 'https')).signedIn, null);
    assert.ok(await findLiveSession(db, config, second.token, user.id));
    const [row] = await rows<{ revoked_reason: string }>(
      sql`select revoked_reason from sessions where id = ${first.sessionId}`,
    );
    assert.equal(row.revoked_reason, 'login');
  });

  test('the cookie a login sends back signs the browser in; Max-Age only for "remember me"', async () => {
    const user = await createTestUser(db);
    for (const remember of [true, false]) {
      const result = await attempt(user.username, user.password, newAddress(), { remember });
      const cookie = await newSessionCookie(
        { token: result.token, userId: user.id, persistent: result.persistent, expiresAt: result.expiresAt },
        'https',
      );
      assert.equal(cookie.name, sessionCookieName);
      const { maxAge, ...attributes } = cookie.options;
      assert.deepEqual(attributes, { httpOnly: true, sameSite: 'lax', path: '/', secure: true });
      if (remember)
        assert.ok(maxAge !== undefined && Math.abs(maxAge - config.session.ttlSeconds) <= 2, `Max-Age ${maxAge}`);
      else assert.equal(maxAge, undefined);
      const setCookie = serializeSessionCookie(cookie);
      assert.equal(/;\s*max-age=/i.test(setCookie), remember, setCookie);

      const resolved = await resolveSession(await cookieHeaderOf(result), 'https');
      assert.equal(resolved.signedIn?.session.id, result.sessionId);
      assert.equal(resolved.signedIn?.session.persistent, remember);
      assert.equal(resolved.claim?.persistent, remember);
      assert.equal(resolved.claim?.exp, Math.floor(result.expiresAt.getTime() / 1000));
      assert.equal(resolved.cookie, null);
    }
    // Signing out sends the cookie that removes it: empty, Max-Age 0, the same attributes.
    assert.deepEqual(signedOutCookie('http'), {
      name: sessionCookieName,
      value: '',
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false, maxAge: 0 },
    });
  });

  test('successes and failures are written to the audit log, without the password', async () => {
    const user = await createTestUser(db);
    const ip = newAddress();
    const success = await attempt(user.username, user.password, ip);
    await rejection(attempt(user.username, 'Wrong-Pa55word!', ip));
    const unknown = uniqueUsername('ghost');
    await rejection(attempt(unknown, 'Wrong-Pa55word!', ip));

    const audit = await rows<{
      action: string;
      actor_id: string | null;
      target_type: string | null;
      target_id: string | null;
      ip_address: string;
      details: unknown;
    }>(
      sql`select action, actor_id, target_type, target_id, ip_address, details from audit_log
          where ip_address = ${ip} and action like 'auth.%' order by id`,
    );
    const details = (index: number) =>
      typeof audit[index].details === 'string' ? JSON.parse(audit[index].details) : audit[index].details;
    assert.deepEqual(
      audit.map((row) => row.action),
      ['auth.login_success', 'auth.login_failure', 'auth.login_failure'],
    );
    assert.equal(audit[0].actor_id, user.id);
    assert.deepEqual([audit[0].target_type, audit[0].target_id], ['session', success.sessionId]);
    assert.equal(audit[1].actor_id, user.id);
    assert.deepEqual(details(1), { username: user.username.toLowerCase(), reason: 'wrong_password' });
    assert.equal(audit[2].actor_id, null);
    assert.deepEqual(details(2), { username: unknown, reason: 'unknown_user' });
    assert.ok(!JSON.stringify(audit).includes('Wrong-Pa55word!'));
  });
});
