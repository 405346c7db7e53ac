import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { recentSession, resolveSession } from '../../lib/auth/session';
import { sessionCookieName } from '../../lib/auth/session-cookie';
import { sealClaim } from '../../lib/auth/session-seal';
import { revokeSession } from '../../lib/auth/session-store';
import { sleep, useTestDatabase } from '../support/test-database';
import { createTestUser, openTestSession } from '../support/users';

// Every process may trust its memory of a session check for SESSION_CHECK_CACHE; a revocation made
// by another process must be seen once that bound has passed. Direct SQL stands in for the other
// process: it cannot touch this process's memory. Each session's browser sends the same Cookie
// header on every request, so the memory is used whenever it may be.
const boundMs = 1000;
const { db, config, rows } = await useTestDatabase({ SESSION_CHECK_CACHE: '1s' });

async function signedIn(options: { role?: 'admin' | 'agent' | 'requester' } = {}) {
  const user = await createTestUser(db, options);
  const session = await openTestSession(db, config, user.id);
  const exp = Math.floor(session.expiresAt.getTime() / 1000);
  const seal = await sealClaim({ sid: session.token, uid: user.id, exp, persistent: false }, config.session.secrets);
  return { user, session, header: `theme=dark; ${sessionCookieName}=${seal}` };
}

const check = async (header: string) => (await resolveSession(header, 'https')).signedIn;

describe('revocation across processes', () => {
  test('the configured bound is the one in force', () => {
    assert.equal(config.session.checkCacheMs, boundMs);
  });

  test('a remembered check is forgotten once the bound has passed', async () => {
    const { header } = await signedIn();
    const checked = await check(header);
    assert.ok(checked);
    assert.equal(recentSession(header), checked);
    await sleep(boundMs / 2);
    assert.equal(recentSession(header), checked);
    await sleep(boundMs / 2 + 100);
    assert.equal(recentSession(header), undefined);
  });

  test('a session revoked by another process is refused once the bound has passed', async () => {
    const { session, header } = await signedIn();
    assert.ok(await check(header));

    await rows(sql`update sessions set revoked_at = now(), revoked_reason = 'admin' where id = ${session.sessionId}`);
    await check(header); // may still be answered from memory: allowed within the bound

    await sleep(boundMs + 100);
    assert.equal(await check(header), null);
  });

  test('a user disabled by another process is refused once the bound has passed', async () => {
    const { user, header } = await signedIn();
    assert.ok(await check(header));
    await rows(sql`update users set active = false where id = ${user.id}`);
    await sleep(boundMs + 100);
    assert.equal(await check(header), null);
  });

  test('a role changed by another process is seen once the bound has passed', async () => {
    const { user, header } = await signedIn({ role: 'admin' });
    assert.equal((await check(header))?.user.role, 'admin');
    await rows(sql`update users set role = 'requester' where id = ${user.id}`);
    await sleep(boundMs + 100);
    assert.equal((await check(header))?.user.role, 'requester');
  });

  test('a revocation made in this process is seen immediately, remembered or not', async () => {
    const { session, header } = await signedIn();
    assert.ok(await check(header));
    assert.ok(await check(header));
    assert.ok(recentSession(header));
    await revokeSession(db, { sessionId: session.sessionId, reason: 'logout' });
    assert.equal(recentSession(header), undefined);
    assert.equal(await check(header), null);
  });
});
