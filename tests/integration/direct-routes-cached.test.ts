import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { sealSessionCookie, sessionCookieName } from '../../lib/auth/session-cookie';
import { revokeSession } from '../../lib/auth/session-store';
import { changeUserRole } from '../../lib/users/mutations';
import { useDirectRoutesServer } from '../support/direct-routes-server';
import { sleep, useTestDatabase } from '../support/test-database';
import { createTestUser, openTestSession } from '../support/users';

// /api/auth/me as the benchmarks and a polling client meet it: the same Cookie header again and
// again, answered from the remembered header, the cached check and the answer serialized per check.
// None of those shortcuts may outlive what they stand for.
const boundMs = 1000;
const { db, config, rows } = await useTestDatabase({ SESSION_CHECK_CACHE: '1s' });

const server = useDirectRoutesServer(config);

async function signedIn() {
  const user = await createTestUser(db, { role: 'agent' });
  const session = await openTestSession(db, config, user.id);
  const exp = Math.floor(session.expiresAt.getTime() / 1000);
  const value = await sealSessionCookie({ sid: session.token, uid: user.id, exp, persistent: false }, config.session.secrets);
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
    await db.transaction((tx) => changeUserRole(tx, { userId: user.id, role: 'requester' }, { actor: null }));
    assert.equal((await me(header)).body.user?.role, 'requester');
  });

  test('a session revoked by this process is refused on the very next request', async () => {
    const { session, header } = await signedIn();
    assert.equal((await me(header)).status, 200);
    assert.equal((await me(header)).status, 200);
    await revokeSession(db, { sessionId: session.sessionId, reason: 'logout' });
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
