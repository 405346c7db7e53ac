import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { verifyPassword } from '../../lib/auth/password';
import { recentSession, resolveSession } from '../../lib/auth/session';
import { sessionCookieName } from '../../lib/auth/session-cookie';
import { sealClaim, unsealClaim } from '../../lib/auth/session-seal';
import {
  findLiveSession,
  hashSessionToken,
  listActiveSessions,
  revokeSession,
  revokeUserSessions,
} from '../../lib/auth/session-store';
import { changeUserRole, setUserActive, setUserPassword } from '../../lib/users/mutations';
import { sleep, useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, openTestSession } from '../support/users';

// Sessions are checked the way every request checks them: resolveSession on the request's Cookie
// header. The default per-process memory of checks (2 s) stays on: changes made in this process
// must bypass it. The same Cookie header is sent again and again, as a browser sends it.
const newSecret = 'sessions-new-secret-'.padEnd(40, 'n');
const oldSecret = 'sessions-old-secret-'.padEnd(40, 'o');
const { db, config, rows } = await useTestDatabase({ SESSION_SECRET: `${newSecret},${oldSecret}` });
const admin = await createTestUser(db, { role: 'admin' });
const adminActor = actorFor(admin);
const boundMs = 2000;

type UserRef = { id: string };
type Opened = Awaited<ReturnType<typeof openTestSession>> & { userId: string; persistent: boolean; header: string };

async function cookieHeader(
  token: string,
  userId: string,
  options: { exp?: number; persistent?: boolean; secrets?: string[]; others?: string } = {},
): Promise<string> {
  const exp = options.exp ?? Math.floor(Date.now() / 1000) + 3600;
  const seal = await sealClaim(
    { sid: token, uid: userId, exp, persistent: options.persistent ?? false },
    options.secrets ?? config.session.secrets,
  );
  return `${options.others ?? 'theme=dark'}; ${sessionCookieName}=${seal}`;
}

/** A session opened in the database, and the Cookie header its browser sends on every request. */
async function open(user: UserRef, options: { persistent?: boolean } = {}): Promise<Opened> {
  const opened = await openTestSession(db, config, user.id, options);
  const persistent = options.persistent ?? false;
  const exp = Math.floor(opened.expiresAt.getTime() / 1000);
  return {
    ...opened,
    userId: user.id,
    persistent,
    header: await cookieHeader(opened.token, user.id, { exp, persistent }),
  };
}

/** Who the request with this header is, as the app sees it: through the memory of checks, then the database. */
const check = async (header: string) => (await resolveSession(header, 'https')).signedIn;

async function sessionRow(sessionId: string) {
  const [row] = await rows<{ revoked_at: Date | null; revoked_reason: string | null; idle_expires_at: Date | null }>(
    sql`select revoked_at, revoked_reason, idle_expires_at from sessions where id = ${sessionId}`,
  );
  return row;
}

/** Runs `work` and counts the queries it sent to the database (a session check is one select). */
async function countingQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const saved = (['select', 'update'] as const).map(
    (method) => [method, Object.getOwnPropertyDescriptor(db, method)] as const,
  );
  const select = db.select.bind(db);
  const update = db.update.bind(db);
  db.select = ((...args: Parameters<typeof select>) => (queries++, select(...args))) as typeof select;
  db.update = ((...args: Parameters<typeof update>) => (queries++, update(...args))) as typeof update;
  try {
    return { result: await work(), queries };
  } finally {
    for (const [method, descriptor] of saved) {
      if (descriptor) Object.defineProperty(db, method, descriptor);
      else delete (db as Partial<typeof db>)[method];
    }
  }
}

describe("checking a session (resolveSession, through this process's memory of checks)", () => {
  test('a new session is valid for its user and carries the user from the database', async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    const resolved = await resolveSession(session.header, 'https');
    assert.ok(resolved.signedIn);
    assert.equal(resolved.signedIn.token, session.token);
    assert.equal(resolved.signedIn.session.id, session.sessionId);
    assert.equal(resolved.signedIn.session.persistent, false);
    assert.equal(resolved.signedIn.session.expiresAt.getTime(), session.expiresAt.getTime());
    assert.deepEqual(resolved.signedIn.user, {
      id: user.id,
      username: user.username,
      displayName: user.username,
      email: null,
      role: 'agent',
    });
    assert.equal(resolved.claim?.sid, session.token);
    assert.equal(resolved.claim?.uid, user.id);
    assert.equal(resolved.cookie, null);
  });

  test("only the token's hash is stored", async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    const [row] = await rows<{ token_hash: string }>(
      sql`select token_hash from sessions where id = ${session.sessionId}`,
    );
    assert.equal(row.token_hash, hashSessionToken(session.token));
    assert.notEqual(row.token_hash, session.token);
  });

  test('a cookie whose user id does not match the session is refused, remembered or not', async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    const claimingAdmin = await cookieHeader(session.token, admin.id);
    assert.equal(await check(claimingAdmin), null);
    assert.ok(await check(session.header));
    assert.ok(recentSession(session.header));
    assert.equal(await check(claimingAdmin), null);
    assert.equal(recentSession(claimingAdmin), undefined);
    assert.equal(await findLiveSession(db, config, session.token, admin.id), null);
  });

  test('an unknown token is refused', async () => {
    assert.equal(await check(await cookieHeader('AAAAAAAAAAAAAAAAAAAAAA', admin.id)), null);
  });

  test('a revoked session is refused at once, though its header was answered from memory', async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    assert.ok(await check(session.header));
    assert.ok(await check(session.header));
    assert.ok(recentSession(session.header));
    assert.equal(await revokeSession(db, { sessionId: session.sessionId, userId: user.id, reason: 'logout' }), true);
    assert.equal(recentSession(session.header), undefined);
    assert.equal(await check(session.header), null);
    assert.equal(await revokeSession(db, { sessionId: session.sessionId, reason: 'logout' }), false);
  });

  test('a session past its absolute expiry is refused', async () => {
    const user = await createTestUser(db);
    const session = await open(user, { persistent: true });
    await rows(sql`update sessions set expires_at = now() - interval '1 second' where id = ${session.sessionId}`);
    assert.equal(await check(session.header), null);
  });

  test('left idle past the idle timeout, a browser session ends but a "remember me" session does not', async () => {
    const user = await createTestUser(db);
    const browser = await open(user, { persistent: false });
    const remembered = await open(user, { persistent: true });
    // Two days without a request, longer than the 24 h idle timeout.
    await rows(sql`update sessions set created_at = created_at - interval '2 days', last_seen_at = last_seen_at - interval '2 days',
                   idle_expires_at = idle_expires_at - interval '2 days' where user_id = ${user.id}`);
    assert.equal(await check(browser.header), null);
    assert.ok(await check(remembered.header));
    assert.equal((await sessionRow(remembered.sessionId)).idle_expires_at, null);
  });

  test("activity pushes a browser session's idle expiry forward", async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    await rows(sql`update sessions set last_seen_at = now() - interval '23 hours', idle_expires_at = now() + interval '1 hour'
                   where id = ${session.sessionId}`);
    assert.ok(await check(session.header));
    const idleExpiresAt = (await sessionRow(session.sessionId)).idle_expires_at;
    assert.ok(idleExpiresAt && new Date(idleExpiresAt).getTime() > Date.now() + 23 * 3600 * 1000);
  });

  test('disabling a user refuses their sessions at once and revokes all of them', async () => {
    const user = await createTestUser(db);
    const first = await open(user);
    const second = await open(user, { persistent: true });
    assert.ok(await check(first.header));
    assert.ok(await check(second.header));
    await db.transaction((tx) => setUserActive(tx, adminActor, { userId: user.id, active: false }));
    assert.equal(await check(first.header), null);
    assert.equal(await check(second.header), null);
    for (const id of [first.sessionId, second.sessionId])
      assert.equal((await sessionRow(id)).revoked_reason, 'user_disabled');

    // Enabling the account again does not bring old sessions back.
    await db.transaction((tx) => setUserActive(tx, adminActor, { userId: user.id, active: true }));
    assert.equal(await check(second.header), null);
  });

  test('a role change is seen on the very next check, though the header was answered from memory', async () => {
    const user = await createTestUser(db, { role: 'agent' });
    const session = await open(user);
    assert.equal((await check(session.header))?.user.role, 'agent');
    assert.equal((await check(session.header))?.user.role, 'agent');
    await db.transaction((tx) => changeUserRole(tx, adminActor, { userId: user.id, role: 'requester' }));
    assert.equal((await check(session.header))?.user.role, 'requester');
  });
});

describe('findLiveSession: the database side, with no memory of its own', () => {
  test('a change made straight in the database is seen by the very next findLiveSession', async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    const found = await findLiveSession(db, config, session.token, user.id);
    assert.ok(found);
    assert.equal(found.token, session.token);
    assert.equal(found.session.id, session.sessionId);
    assert.ok(await check(session.header));
    // Another process revokes it: the remembered header may still be answered within the bound…
    await rows(sql`update sessions set revoked_at = now(), revoked_reason = 'admin' where id = ${session.sessionId}`);
    assert.ok(recentSession(session.header));
    // …but the database side never is.
    assert.equal(await findLiveSession(db, config, session.token, user.id), null);
  });

  test("checks of one user share one user object while the user's details are unchanged", async () => {
    const user = await createTestUser(db);
    const first = await open(user);
    const second = await open(user);
    const a = await findLiveSession(db, config, first.token, user.id);
    const b = await findLiveSession(db, config, second.token, user.id);
    assert.ok(a && b);
    assert.equal(a.user, b.user);
    assert.ok(Object.isFrozen(a.user));
    await rows(sql`update users set display_name = 'Someone Else' where id = ${user.id}`);
    const c = await findLiveSession(db, config, first.token, user.id);
    assert.notEqual(c?.user, a.user);
    assert.equal(c?.user.displayName, 'Someone Else');
  });
});

describe('the memory of recent checks', () => {
  test('a header checked with the database is answered from memory next time, with no query', async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    assert.equal(recentSession(session.header), undefined);
    const first = await countingQueries(() => check(session.header));
    assert.ok(first.result);
    assert.ok(first.queries >= 1, 'the first check asks the database');
    assert.equal(recentSession(session.header), first.result);
    const again = await countingQueries(() => resolveSession(session.header, 'https'));
    assert.equal(again.queries, 0);
    assert.equal(again.result.signedIn, first.result);
    assert.equal(again.result.claim?.sid, session.token);
    assert.equal(again.result.cookie, null);
  });

  test('database: false never asks the database, and remembers nothing', async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    const { result, queries } = await countingQueries(() =>
      resolveSession(session.header, 'https', { database: false }),
    );
    assert.equal(queries, 0);
    assert.equal(result.claim?.sid, session.token);
    assert.equal(result.claim?.uid, user.id);
    assert.equal(result.signedIn, null);
    assert.equal(recentSession(session.header), undefined);
    // It reads the seal only: a session revoked in the database still shows its claim.
    await rows(sql`update sessions set revoked_at = now(), revoked_reason = 'admin' where id = ${session.sessionId}`);
    assert.equal((await resolveSession(session.header, 'https', { database: false })).claim?.sid, session.token);
    assert.equal(await check(session.header), null);
  });

  test('a header that differs from a remembered one by one character is checked anew', async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    assert.ok(await check(session.header));
    // Another process revokes the session: the remembered header may be answered within the bound,
    await rows(sql`update sessions set revoked_at = now(), revoked_reason = 'admin' where id = ${session.sessionId}`);
    // but the same seal under a header one character apart is a header never seen: asked anew, refused.
    const sameSealOtherHeader = session.header.replace('theme=dark', 'theme=dart');
    assert.equal(recentSession(sameSealOtherHeader), undefined);
    const { result, queries } = await countingQueries(() => resolveSession(sameSealOtherHeader, 'https'));
    assert.ok(queries >= 1);
    assert.equal(result.signedIn, null);

    // And a seal one character apart is tampered: refused before the database, and cleared.
    const at = session.header.indexOf('*', session.header.indexOf('=Fe26') + 10) + 3;
    const tampered = `${session.header.slice(0, at)}${session.header[at] === 'A' ? 'B' : 'A'}${session.header.slice(at + 1)}`;
    const refused = await resolveSession(tampered, 'https');
    assert.equal(refused.claim, null);
    assert.equal(refused.signedIn, null);
    assert.equal(refused.cookie?.value, '');
    assert.equal(refused.cookie?.options.maxAge, 0);
  });

  test('a header answered from memory is refused once its session expires, even within the bound', async () => {
    const user = await createTestUser(db);
    const opened = await openTestSession(db, config, user.id);
    // The claim's expiry is in whole seconds: start just past a second, to end about a second later.
    await sleep(1000 - (Date.now() % 1000) + 20);
    const exp = Math.floor(Date.now() / 1000) + 1;
    await rows(sql`update sessions set expires_at = to_timestamp(${exp}) where id = ${opened.sessionId}`);
    const header = await cookieHeader(opened.token, user.id, { exp });
    const checkedAt = Date.now();
    assert.ok(await check(header));
    assert.ok(recentSession(header));
    await sleep(exp * 1000 - Date.now() + 100);
    assert.ok(Date.now() - checkedAt < boundMs - 200, 'still well within the bound of the check');
    assert.equal(recentSession(header), undefined, 'an expired session is not answered from memory');
    assert.equal(await check(header), null);
  });

  test('a cookie sealed with an older secret is signed in, and comes back re-sealed with the newest until the browser sends that', async () => {
    const user = await createTestUser(db);
    const opened = await openTestSession(db, config, user.id, { persistent: true });
    const exp = Math.floor(opened.expiresAt.getTime() / 1000);
    const header = await cookieHeader(opened.token, user.id, { exp, persistent: true, secrets: [oldSecret] });
    for (let request = 0; request < 2; request++) {
      const resolved = await resolveSession(header, 'https');
      assert.equal(resolved.signedIn?.session.id, opened.sessionId);
      assert.ok(resolved.cookie, 'the re-sealed cookie');
      const resealed = await unsealClaim(resolved.cookie.value, [newSecret]);
      assert.ok(resealed);
      assert.deepEqual(
        {
          sid: resealed.claim.sid,
          uid: resealed.claim.uid,
          exp: resealed.claim.exp,
          persistent: resealed.claim.persistent,
        },
        { sid: opened.token, uid: user.id, exp, persistent: true },
      );
      assert.ok(resolved.cookie.options.maxAge && resolved.cookie.options.maxAge > 0);
      // Not remembered: the next request with the old seal is offered the new one again.
      assert.equal(recentSession(header), undefined);
    }
    const renewed = `theme=dark; ${sessionCookieName}=${(await resolveSession(header, 'https')).cookie?.value}`;
    const resolved = await resolveSession(renewed, 'https');
    assert.equal(resolved.signedIn?.session.id, opened.sessionId);
    assert.equal(resolved.cookie, null);
    assert.ok(recentSession(renewed));
  });
});

describe("managing a user's sessions", () => {
  test('listActiveSessions lists live sessions only, newest activity first, without token hashes', async () => {
    const user = await createTestUser(db);
    const older = await open(user);
    const newer = await open(user, { persistent: true });
    const revoked = await open(user);
    const expired = await open(user);
    await rows(sql`update sessions set last_seen_at = now() - interval '5 minutes' where id = ${older.sessionId}`);
    await revokeSession(db, { sessionId: revoked.sessionId, reason: 'logout' });
    await rows(sql`update sessions set expires_at = now() - interval '1 minute' where id = ${expired.sessionId}`);

    const listed = await listActiveSessions(db, user.id);
    assert.deepEqual(
      listed.map((s) => s.id),
      [newer.sessionId, older.sessionId],
    );
    assert.deepEqual(Object.keys(listed[0]).sort(), [
      'createdAt',
      'expiresAt',
      'id',
      'ipAddress',
      'lastSeenAt',
      'persistent',
      'userAgent',
    ]);
    assert.equal(listed[0].persistent, true);
    assert.equal(listed[0].ipAddress, '192.0.2.10');
    assert.equal(listed[0].userAgent, 'integration-test');
  });

  test('"sign out everywhere else" keeps the current session and ends the others', async () => {
    const user = await createTestUser(db);
    const current = await open(user);
    const others = [await open(user), await open(user, { persistent: true })];
    for (const session of [current, ...others]) assert.ok(await check(session.header));

    const ended = await revokeUserSessions(db, {
      userId: user.id,
      exceptSessionId: current.sessionId,
      reason: 'others',
    });
    assert.equal(ended, 2);
    assert.ok(await check(current.header));
    for (const session of others) assert.equal(await check(session.header), null);
    assert.deepEqual(
      (await listActiveSessions(db, user.id)).map((s) => s.id),
      [current.sessionId],
    );
  });

  test('revokeUserSessions without an exception ends every session of that user only', async () => {
    const user = await createTestUser(db);
    const bystander = await createTestUser(db);
    const mine = await open(user);
    const theirs = await open(bystander);
    assert.ok(await check(mine.header));
    assert.ok(await check(theirs.header));
    assert.equal(await revokeUserSessions(db, { userId: user.id, reason: 'admin' }), 1);
    assert.equal(await check(mine.header), null);
    assert.ok(await check(theirs.header));
  });

  test('changing the password keeps the session it was changed from and revokes the others', async () => {
    const user = await createTestUser(db);
    const current = await open(user);
    const other = await open(user);
    assert.ok(await check(other.header));

    const result = await db.transaction((tx) =>
      setUserPassword(tx, actorFor(user, { sessionId: current.sessionId }), {
        userId: user.id,
        password: 'a brand new secret',
        keepSessionId: current.sessionId,
      }),
    );
    assert.deepEqual(result, { sessionsRevoked: 1 });
    assert.ok(await check(current.header));
    assert.equal(await check(other.header), null);
    assert.equal((await sessionRow(other.sessionId)).revoked_reason, 'password_change');

    const [row] = await rows<{ password_hash: string }>(sql`select password_hash from users where id = ${user.id}`);
    assert.equal(await verifyPassword('a brand new secret', row.password_hash), true);
    assert.equal(await verifyPassword(user.password, row.password_hash), false);
  });

  test('an admin resetting a password revokes every session of that user', async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    assert.ok(await check(session.header));
    await db.transaction((tx) => setUserPassword(tx, adminActor, { userId: user.id, password: 'reset by admin' }));
    assert.equal(await check(session.header), null);
  });
});
