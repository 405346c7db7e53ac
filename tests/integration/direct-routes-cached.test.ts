import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { recentSession } from '../../lib/auth/session';
import { sessionCookieName } from '../../lib/auth/session-cookie';
import { sealClaim } from '../../lib/auth/session-seal';
import { revokeSession } from '../../lib/auth/session-store';
import { changeUserRole } from '../../lib/users/mutations';
import { useDirectRoutesServer } from '../support/direct-routes-server';
import { sleep, useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, openTestSession } from '../support/users';

// /api/auth/me as the benchmarks and a polling client meet it: the same Cookie header again and
// again, answered from this process's memory of the check made for that header, without waiting.
// That shortcut may not outlive what it stands for.
const boundMs = 1000;
const { db, config, rows } = await useTestDatabase({ SESSION_CHECK_CACHE: '1s' });

const server = useDirectRoutesServer(config);
const admin = await createTestUser(db, { role: 'admin' });

async function signedIn() {
  const user = await createTestUser(db, { role: 'agent' });
  const session = await openTestSession(db, config, user.id);
  const exp = Math.floor(session.expiresAt.getTime() / 1000);
  const value = await sealClaim({ sid: session.token, uid: user.id, exp, persistent: false }, config.session.secrets);
  return { user, session, header: `theme=dark; ${sessionCookieName}=${value}` };
}

async function me(header: string): Promise<{ status: number; body: { user?: { role: string; displayName: string } } }> {
  const reply = await fetch(`${server.base()}/api/auth/me`, { headers: { cookie: header } });
  return { status: reply.status, body: await reply.json() };
}

describe('GET /api/auth/me with the check cache on', () => {
  test('the check cache in force is the bound these tests wait for', () => {
    assert.equal(config.session.checkCacheMs, boundMs);
  });

  test('a role changed by this process is in the very next answer, though the header was answered from memory', async () => {
    const { user, header } = await signedIn();
    for (let i = 0; i < 3; i++) assert.equal((await me(header)).body.user?.role, 'agent');
    assert.ok(recentSession(header), 'answered from memory');
    await db.transaction((tx) => changeUserRole(tx, actorFor(admin), { userId: user.id, role: 'requester' }));
    assert.equal((await me(header)).body.user?.role, 'requester');
  });

  test('a session revoked by this process is refused on the very next request', async () => {
    const { session, header } = await signedIn();
    assert.equal((await me(header)).status, 200);
    assert.equal((await me(header)).status, 200);
    assert.ok(recentSession(header), 'answered from memory');
    await revokeSession(db, { sessionId: session.sessionId, reason: 'logout' });
    assert.equal((await me(header)).status, 401);
  });

  test('a header answered from memory is refused once its session expires, though the bound has not passed', async () => {
    const user = await createTestUser(db, { role: 'agent' });
    const session = await openTestSession(db, config, user.id);
    // The claim's expiry is in whole seconds: start 0.6 s into a second, so the session ends 0.4 s later.
    await sleep(1600 - (Date.now() % 1000));
    const exp = Math.floor(Date.now() / 1000) + 1;
    await rows(sql`update sessions set expires_at = to_timestamp(${exp}) where id = ${session.sessionId}`);
    const value = await sealClaim({ sid: session.token, uid: user.id, exp, persistent: false }, config.session.secrets);
    const header = `theme=dark; ${sessionCookieName}=${value}`;
    const checkedAt = Date.now();
    assert.equal((await me(header)).status, 200);
    assert.equal((await me(header)).status, 200);
    await sleep(exp * 1000 - Date.now() + 100);
    assert.ok(Date.now() - checkedAt < boundMs, 'still within the bound of the check');
    assert.equal((await me(header)).status, 401);
  });

  test('changes made by another process are answered once the bound has passed: a new name, then a revocation', async () => {
    const { user, session, header } = await signedIn();
    assert.equal((await me(header)).status, 200);
    await rows(sql`update users set display_name = 'Renamed Elsewhere' where id = ${user.id}`);
    await sleep(boundMs + 100);
    assert.equal((await me(header)).body.user?.displayName, 'Renamed Elsewhere');

    await rows(sql`update sessions set revoked_at = now(), revoked_reason = 'admin' where id = ${session.sessionId}`);
    await sleep(boundMs + 100);
    assert.equal((await me(header)).status, 401);
  });
});
