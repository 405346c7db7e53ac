import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { verifyPassword } from '../../lib/auth/password';
import {
  hashSessionToken,
  listActiveSessions,
  revokeSession,
  revokeUserSessions,
  validateSession,
} from '../../lib/auth/session-store';
import { changeUserRole, setUserActive, setUserPassword } from '../../lib/users/mutations';
import { useTestDatabase } from '../support/test-database';
import { createTestUser, openTestSession } from '../support/users';

// The default per-process cache (2 s) stays on: in-process changes must bypass it.
const { db, config, rows } = await useTestDatabase();
const admin = await createTestUser(db, { role: 'admin' });
const adminActor = { id: admin.id, username: admin.username };

const validate = (token: string, userId: string) => validateSession(db, config, token, userId);

async function sessionRow(sessionId: string) {
  const [row] = await rows<{ revoked_at: Date | null; revoked_reason: string | null; idle_expires_at: Date | null }>(
    sql`select revoked_at, revoked_reason, idle_expires_at from sessions where id = ${sessionId}`,
  );
  return row;
}

describe('validateSession', () => {
  test('a new session is valid for its user and carries the user from the database', async () => {
    const user = await createTestUser(db);
    const session = await openTestSession(db, config, user.id);
    const valid = await validate(session.token, user.id);
    assert.ok(valid);
    assert.equal(valid.session.id, session.sessionId);
    assert.deepEqual(valid.user, { id: user.id, username: user.username, displayName: user.username, email: null, role: 'agent' });
  });

  test('only the token\'s hash is stored', async () => {
    const user = await createTestUser(db);
    const session = await openTestSession(db, config, user.id);
    const [row] = await rows<{ token_hash: string }>(sql`select token_hash from sessions where id = ${session.sessionId}`);
    assert.equal(row.token_hash, hashSessionToken(session.token));
    assert.notEqual(row.token_hash, session.token);
  });

  test('a cookie whose user id does not match the session is refused, cached or not', async () => {
    const user = await createTestUser(db);
    const session = await openTestSession(db, config, user.id);
    assert.equal(await validate(session.token, admin.id), null);
    assert.ok(await validate(session.token, user.id));
    assert.equal(await validate(session.token, admin.id), null);
  });

  test('an unknown token is refused', async () => {
    assert.equal(await validate('AAAAAAAAAAAAAAAAAAAAAA', admin.id), null);
  });

  test('a revoked session is refused at once', async () => {
    const user = await createTestUser(db);
    const session = await openTestSession(db, config, user.id);
    assert.ok(await validate(session.token, user.id));
    assert.equal(await revokeSession(db, { sessionId: session.sessionId, userId: user.id, reason: 'logout' }), true);
    assert.equal(await validate(session.token, user.id), null);
    assert.equal(await revokeSession(db, { sessionId: session.sessionId, reason: 'logout' }), false);
  });

  test('a session past its absolute expiry is refused', async () => {
    const user = await createTestUser(db);
    const session = await openTestSession(db, config, user.id, { persistent: true });
    await rows(sql`update sessions set expires_at = now() - interval '1 second' where id = ${session.sessionId}`);
    assert.equal(await validate(session.token, user.id), null);
  });

  test('left idle past the idle timeout, a browser session ends but a "remember me" session does not', async () => {
    const user = await createTestUser(db);
    const browser = await openTestSession(db, config, user.id, { persistent: false });
    const remembered = await openTestSession(db, config, user.id, { persistent: true });
    // Two days without a request, longer than the 24 h idle timeout.
    await rows(sql`update sessions set created_at = created_at - interval '2 days', last_seen_at = last_seen_at - interval '2 days',
                   idle_expires_at = idle_expires_at - interval '2 days' where user_id = ${user.id}`);
    assert.equal(await validate(browser.token, user.id), null);
    assert.ok(await validate(remembered.token, user.id));
    assert.equal((await sessionRow(remembered.sessionId)).idle_expires_at, null);
  });

  test('activity pushes a browser session\'s idle expiry forward', async () => {
    const user = await createTestUser(db);
    const session = await openTestSession(db, config, user.id);
    await rows(sql`update sessions set last_seen_at = now() - interval '23 hours', idle_expires_at = now() + interval '1 hour'
                   where id = ${session.sessionId}`);
    assert.ok(await validate(session.token, user.id));
    const idleExpiresAt = (await sessionRow(session.sessionId)).idle_expires_at;
    assert.ok(idleExpiresAt && new Date(idleExpiresAt).getTime() > Date.now() + 23 * 3600 * 1000);
  });

  test('disabling a user refuses their sessions at once and revokes all of them', async () => {
    const user = await createTestUser(db);
    const first = await openTestSession(db, config, user.id);
    const second = await openTestSession(db, config, user.id, { persistent: true });
    assert.ok(await validate(first.token, user.id));
    await db.transaction((tx) => setUserActive(tx, { userId: user.id, active: false }, { actor: adminActor }));
    assert.equal(await validate(first.token, user.id), null);
    assert.equal(await validate(second.token, user.id), null);
    for (const id of [first.sessionId, second.sessionId]) assert.equal((await sessionRow(id)).revoked_reason, 'user_disabled');

    // Enabling the account again does not bring old sessions back.
    await db.transaction((tx) => setUserActive(tx, { userId: user.id, active: true }, { actor: adminActor }));
    assert.equal(await validate(second.token, user.id), null);
  });

  test('a role change is seen on the very next validation', async () => {
    const user = await createTestUser(db, { role: 'agent' });
    const session = await openTestSession(db, config, user.id);
    assert.equal((await validate(session.token, user.id))?.user.role, 'agent');
    await db.transaction((tx) => changeUserRole(tx, { userId: user.id, role: 'requester' }, { actor: adminActor }));
    assert.equal((await validate(session.token, user.id))?.user.role, 'requester');
  });
});

describe('managing a user\'s sessions', () => {
  test('listActiveSessions lists live sessions only, newest activity first, without token hashes', async () => {
    const user = await createTestUser(db);
    const older = await openTestSession(db, config, user.id);
    const newer = await openTestSession(db, config, user.id, { persistent: true });
    const revoked = await openTestSession(db, config, user.id);
    const expired = await openTestSession(db, config, user.id);
    await rows(sql`update sessions set last_seen_at = now() - interval '5 minutes' where id = ${older.sessionId}`);
    await revokeSession(db, { sessionId: revoked.sessionId, reason: 'logout' });
    await rows(sql`update sessions set expires_at = now() - interval '1 minute' where id = ${expired.sessionId}`);

    const listed = await listActiveSessions(db, user.id);
    assert.deepEqual(listed.map((s) => s.id), [newer.sessionId, older.sessionId]);
    assert.deepEqual(Object.keys(listed[0]).sort(), ['createdAt', 'expiresAt', 'id', 'ipAddress', 'lastSeenAt', 'persistent', 'userAgent']);
    assert.equal(listed[0].persistent, true);
    assert.equal(listed[0].ipAddress, '192.0.2.10');
    assert.equal(listed[0].userAgent, 'integration-test');
  });

  test('"sign out everywhere else" keeps the current session and ends the others', async () => {
    const user = await createTestUser(db);
    const current = await openTestSession(db, config, user.id);
    const others = [await openTestSession(db, config, user.id), await openTestSession(db, config, user.id, { persistent: true })];
    for (const session of [current, ...others]) assert.ok(await validate(session.token, user.id));

    const ended = await revokeUserSessions(db, { userId: user.id, exceptSessionId: current.sessionId, reason: 'others' });
    assert.equal(ended, 2);
    assert.ok(await validate(current.token, user.id));
    for (const session of others) assert.equal(await validate(session.token, user.id), null);
    assert.deepEqual((await listActiveSessions(db, user.id)).map((s) => s.id), [current.sessionId]);
  });

  test('revokeUserSessions without an exception ends every session of that user only', async () => {
    const user = await createTestUser(db);
    const bystander = await createTestUser(db);
    const mine = await openTestSession(db, config, user.id);
    const theirs = await openTestSession(db, config, bystander.id);
    assert.equal(await revokeUserSessions(db, { userId: user.id, reason: 'admin' }), 1);
    assert.equal(await validate(mine.token, user.id), null);
    assert.ok(await validate(theirs.token, bystander.id));
  });

  test('changing the password keeps the session it was changed from and revokes the others', async () => {
    const user = await createTestUser(db);
    const current = await openTestSession(db, config, user.id);
    const other = await openTestSession(db, config, user.id);
    assert.ok(await validate(other.token, user.id));

    const result = await db.transaction((tx) =>
      setUserPassword(tx, { userId: user.id, password: 'a brand new secret', keepSessionId: current.sessionId }, { actor: { id: user.id, username: user.username } }),
    );
    assert.deepEqual(result, { sessionsRevoked: 1 });
    assert.ok(await validate(current.token, user.id));
    assert.equal(await validate(other.token, user.id), null);
    assert.equal((await sessionRow(other.sessionId)).revoked_reason, 'password_change');

    const [row] = await rows<{ password_hash: string }>(sql`select password_hash from users where id = ${user.id}`);
    assert.equal(await verifyPassword('a brand new secret', row.password_hash), true);
    assert.equal(await verifyPassword(user.password, row.password_hash), false);
  });

  test('an admin resetting a password revokes every session of that user', async () => {
    const user = await createTestUser(db);
    const session = await openTestSession(db, config, user.id);
    await db.transaction((tx) => setUserPassword(tx, { userId: user.id, password: 'reset by admin' }, { actor: adminActor }));
    assert.equal(await validate(session.token, user.id), null);
  });
});
