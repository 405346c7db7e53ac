import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { pruneExpiredSessions } from '../../lib/auth/session-pruning';
import { useTestDatabase } from '../support/test-database';
import { createTestUser, openTestSession } from '../support/users';

const { db, config, rows } = await useTestDatabase({ LOGIN_WINDOW: '15m' });

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rows<{ n: number | string }>(query);
  return Number(row.n);
}

describe('pruneExpiredSessions', () => {
  test('deletes sessions that can never be used again and keeps the others', async () => {
    const user = await createTestUser(db);
    const make = async (persistent = false) => (await openTestSession(db, config, user.id, { persistent })).sessionId;
    const live = await make();
    const liveRemembered = await make(true);
    const recentlyRevoked = await make();
    const expired = await make(true);
    const idle = await make();
    const longRevoked = await make();
    await rows(sql`update sessions set expires_at = now() - interval '1 second' where id = ${expired}`);
    await rows(sql`update sessions set idle_expires_at = now() - interval '1 second' where id = ${idle}`);
    await rows(sql`update sessions set revoked_at = now() - interval '2 days' where id = ${longRevoked}`);
    await rows(sql`update sessions set revoked_at = now() - interval '1 hour' where id = ${recentlyRevoked}`);

    const result = await pruneExpiredSessions(db, config);
    assert.equal(result?.sessions, 3);
    const left = await rows<{ id: string }>(sql`select id from sessions where user_id = ${user.id} order by id`);
    assert.deepEqual(left.map((row) => row.id).sort(), [live, liveRemembered, recentlyRevoked].sort());
  });

  test('login failures older than the window are deleted, recent ones kept', async () => {
    await rows(sql`insert into login_attempts (username_key, ip_address, succeeded, attempted_at) values
                   ('old-one', '192.0.2.1', false, now() - interval '16 minutes'),
                   ('recent-one', '192.0.2.1', false, now() - interval '1 minute')`);
    const result = await pruneExpiredSessions(db, config);
    assert.equal(result?.attempts, 1);
    assert.deepEqual(
      (await rows<{ username_key: string }>(sql`select username_key from login_attempts`)).map(
        (row) => row.username_key,
      ),
      ['recent-one'],
    );
  });

  test('a backlog larger than one batch is pruned completely in one call', async () => {
    const user = await createTestUser(db);
    const keep = (await openTestSession(db, config, user.id)).sessionId;
    await rows(sql`insert into sessions (token_hash, user_id, persistent, expires_at)
                   select 'expired-' || n, ${user.id}, true, now() - interval '1 day' from generate_series(1, 12000) as n`);
    assert.equal(await count(sql`select count(*) as n from sessions where user_id = ${user.id}`), 12001);

    const result = await pruneExpiredSessions(db, config);
    assert.equal(result?.sessions, 12000);
    assert.equal(await count(sql`select count(*) as n from sessions where user_id = ${user.id}`), 1);
    assert.equal(await count(sql`select count(*) as n from sessions where id = ${keep}`), 1);
  });
});
