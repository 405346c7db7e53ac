import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { resolveSession } from '../../lib/auth/session';
import { sessionCookieName } from '../../lib/auth/session-cookie';
import { endOtherSessions, endSession, listSessionsOf, logOut } from '../../lib/auth/user-sessions';
import { sealClaim } from '../../lib/auth/session-seal';
import { AppError } from '../../lib/errors';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, openTestSession } from '../support/users';

// Sign-out, ending one session, and "sign out everywhere else": each revoked and audited in the
// caller's transaction, and seen by the very next request from this process although the default
// memory of checks (2 s) is on and each browser sends the same Cookie header every time.
const { db, config, rows } = await useTestDatabase();
const adminActor = actorFor(await createTestUser(db, { role: 'admin' }));

/** A session opened in the database, and the Cookie header its browser sends on every request. */
async function open(user: { id: string }, options: { persistent?: boolean } = {}) {
  const opened = await openTestSession(db, config, user.id, options);
  const exp = Math.floor(opened.expiresAt.getTime() / 1000);
  const seal = await sealClaim(
    { sid: opened.token, uid: user.id, exp, persistent: options.persistent ?? false },
    config.session.secrets,
  );
  return { ...opened, header: `theme=dark; ${sessionCookieName}=${seal}` };
}

const check = async (header: string) => (await resolveSession(header, 'https')).signedIn;

async function revokedReason(sessionId: string) {
  const [row] = await rows<{ revoked_reason: string | null }>(
    sql`select revoked_reason from sessions where id = ${sessionId}`,
  );
  return row.revoked_reason;
}

describe('session endings people ask for (logOut, endSession, endOtherSessions)', () => {
  async function auditOf(action: string, targetId: string) {
    return rows<{ actor_id: string | null; ip_address: string | null; details: unknown }>(
      sql`select actor_id, ip_address, details from audit_log where action = ${action} and target_id = ${targetId} order by id`,
    );
  }
  const details = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

  test('signing out ends the session the request came with, at once, and audits it once', async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    const other = await open(user);
    assert.ok(await check(session.header));
    const actor = actorFor(user, { sessionId: session.sessionId });
    await db.transaction((tx) => logOut(tx, actor));
    assert.equal(await check(session.header), null);
    assert.ok(await check(other.header));
    assert.equal(await revokedReason(session.sessionId), 'logout');
    // Signing out again (a second tab) changes nothing and audits nothing more.
    await db.transaction((tx) => logOut(tx, actor));
    const audit = await auditOf('auth.logout', session.sessionId);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].actor_id, user.id);
    assert.equal(audit[0].ip_address, '192.0.2.10');
  });

  test('a user ends one of their own sessions; another user\'s, or one already over, is "not found"', async () => {
    const user = await createTestUser(db);
    const stranger = await createTestUser(db);
    const current = await open(user);
    const elsewhere = await open(user);
    const theirs = await open(stranger);
    const actor = actorFor(user, { sessionId: current.sessionId });
    assert.ok(await check(elsewhere.header));
    await db.transaction((tx) =>
      endSession(tx, actor, { sessionId: elsewhere.sessionId, ownerId: user.id, reason: 'user' }),
    );
    assert.equal(await check(elsewhere.header), null);
    assert.ok(await check(current.header));
    assert.deepEqual(details((await auditOf('session.revoke', elsewhere.sessionId))[0].details), {
      ownerId: user.id,
      reason: 'user',
    });

    for (const input of [
      { sessionId: elsewhere.sessionId, ownerId: user.id, reason: 'user' as const },
      { sessionId: theirs.sessionId, ownerId: user.id, reason: 'user' as const },
      { sessionId: theirs.sessionId, ownerId: stranger.id, reason: 'user' as const },
    ]) {
      await assert.rejects(
        db.transaction((tx) => endSession(tx, actor, input)),
        (error: unknown) => {
          assert.ok(error instanceof AppError);
          assert.equal(error.code, 'not_found');
          assert.equal(error.message, 'That session has already ended.');
          return true;
        },
      );
    }
    assert.ok(await check(theirs.header));
  });

  test("only an admin ends another user's session", async () => {
    const user = await createTestUser(db);
    const session = await open(user);
    const agent = actorFor(await createTestUser(db, { role: 'agent' }));
    await assert.rejects(
      db.transaction((tx) =>
        endSession(tx, agent, { sessionId: session.sessionId, ownerId: user.id, reason: 'admin' }),
      ),
      (error: unknown) => error instanceof AppError && error.code === 'forbidden',
    );
    assert.ok(await check(session.header));
    await db.transaction((tx) =>
      endSession(tx, adminActor, { sessionId: session.sessionId, ownerId: user.id, reason: 'admin' }),
    );
    assert.equal(await check(session.header), null);
    assert.equal(await revokedReason(session.sessionId), 'admin');
  });

  test('"sign out everywhere else" keeps the actor\'s session, ends the others, and audits how many', async () => {
    const user = await createTestUser(db);
    const current = await open(user);
    const others = [await open(user), await open(user, { persistent: true })];
    for (const session of [current, ...others]) assert.ok(await check(session.header));
    const ended = await db.transaction((tx) => endOtherSessions(tx, actorFor(user, { sessionId: current.sessionId })));
    assert.equal(ended, 2);
    assert.ok(await check(current.header));
    for (const session of others) assert.equal(await check(session.header), null);
    assert.deepEqual(details((await auditOf('session.revoke_others', user.id))[0].details), { count: 2 });
  });
});

describe('seeing sessions (listSessionsOf)', () => {
  test('a person sees their own live sessions, an admin anyone\'s, anyone else gets "not found"', async () => {
    const owner = await createTestUser(db, { role: 'requester' });
    const other = await createTestUser(db, { role: 'agent' });
    const first = await open(owner);
    const second = await open(owner);
    const ids = (list: { id: string }[]) => list.map((session) => session.id).sort();
    const expected = [first.sessionId, second.sessionId].sort();
    assert.deepEqual(ids(await listSessionsOf(db, actorFor(owner), owner.id)), expected);
    assert.deepEqual(ids(await listSessionsOf(db, adminActor, owner.id)), expected);
    await assert.rejects(
      listSessionsOf(db, actorFor(other), owner.id),
      (error: unknown) => error instanceof AppError && error.code === 'not_found',
    );
  });
});
