import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { revokeSession, validateSession } from '../../lib/auth/session-store';
import { sleep, useTestDatabase } from '../support/test-database';
import { createTestUser, openTestSession } from '../support/users';

// Every process may trust its cached session check for SESSION_CHECK_CACHE; a revocation made
// by another process must be seen once that bound has passed. Direct SQL stands in for the
// other process: it cannot touch this process's cache.
const boundMs = 1000;
const { db, config, rows } = await useTestDatabase({ SESSION_CHECK_CACHE: '1s' });
const validate = (token: string, userId: string) => validateSession(db, config, token, userId);

describe('revocation across processes', () => {
  test('the configured bound is the one in force', () => {
    assert.equal(config.session.checkCacheMs, boundMs);
  });

  test('a session revoked by another process is refused once the bound has passed', async () => {
    const user = await createTestUser(db);
    const session = await openTestSession(db, config, user.id);
    assert.ok(await validate(session.token, user.id));

    await rows(sql`update sessions set revoked_at = now(), revoked_reason = 'admin' where id = ${session.sessionId}`);
    await validate(session.token, user.id); // may still be answered from the cache: allowed within the bound

    await sleep(boundMs + 100);
    assert.equal(await validate(session.token, user.id), null);
  });

  test('a user disabled by another process is refused once the bound has passed', async () => {
    const user = await createTestUser(db);
    const session = await openTestSession(db, config, user.id);
    assert.ok(await validate(session.token, user.id));
    await rows(sql`update users set active = false where id = ${user.id}`);
    await sleep(boundMs + 100);
    assert.equal(await validate(session.token, user.id), null);
  });

  test('a role changed by another process is seen once the bound has passed', async () => {
    const user = await createTestUser(db, { role: 'admin' });
    const session = await openTestSession(db, config, user.id);
    assert.equal((await validate(session.token, user.id))?.user.role, 'admin');
    await rows(sql`update users set role = 'requester' where id = ${user.id}`);
    await sleep(boundMs + 100);
    assert.equal((await validate(session.token, user.id))?.user.role, 'requester');
  });

  test('a revocation made in this process is seen immediately, cache or not', async () => {
    const user = await createTestUser(db);
    const session = await openTestSession(db, config, user.id);
    assert.ok(await validate(session.token, user.id));
    assert.ok(await validate(session.token, user.id));
    await revokeSession(db, { sessionId: session.sessionId, reason: 'logout' });
    assert.equal(await validate(session.token, user.id), null);
  });
});
