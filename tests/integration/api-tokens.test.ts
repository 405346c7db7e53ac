import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createApiToken, listApiTokens, revokeApiToken } from '../../lib/auth/api-tokens';
import { setUserActive } from '../../lib/users/mutations';
import { hashApiToken } from '../../lib/auth/api-token-format';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// The token domain on a real database: what is stored, who sees and revokes what, and that the
// check (through the boundary's route handlers, lib/boundary/route.ts) follows the user as they
// are now. The routes' own contract is in api-token-routes.test.ts.
const { db, rows } = await useTestDatabase();

async function tokenFor(role: 'admin' | 'agent' | 'requester' = 'agent', scope: 'read' | 'write' = 'read') {
  const user = await createTestUser(db, { role });
  const actor = actorFor(user);
  const created = await db.transaction((tx) =>
    createApiToken(tx, actor, { name: `${role} script`, scope, expiresInDays: 30 }),
  );
  return { user, actor, created };
}

describe('creating a token', () => {
  test('answers the token once; the row keeps only its SHA-256 and its public prefix', async () => {
    const { user, created } = await tokenFor('agent', 'write');
    assert.match(created.token, /^iam_pat_[0-9a-f]{12}_/);
    const [row] = await rows<Record<string, unknown>>(sql`select * from api_tokens where id = ${created.id}`);
    assert.equal(row.token_hash, hashApiToken(created.token));
    assert.equal(row.prefix, created.token.slice(0, 20));
    assert.equal(row.user_id, user.id);
    assert.equal(row.scope, 'write');
    assert.ok(!JSON.stringify(row).includes(created.token));
    const days = (new Date(row.expires_at as string).getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 29.9 && days <= 30, String(days));
  });

  test('is audited with its name, prefix, scope and expiry, and never the token', async () => {
    const { user, created } = await tokenFor();
    const [audit] = await rows<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      sql`select action, actor_id, details from audit_log where target_type = 'api_token' and target_id = ${created.id}`,
    );
    assert.equal(audit.action, 'api_token.create');
    assert.equal(audit.actor_id, user.id);
    assert.equal(audit.details.prefix, created.prefix);
    assert.equal(audit.details.scope, 'read');
    assert.ok(!JSON.stringify(audit.details).includes(created.token));
  });

  test('refuses a blank name, an unknown scope and an expiry outside 1 to 365 days', async () => {
    const { actor } = await tokenFor();
    for (const input of [
      { name: ' ', scope: 'read', expiresInDays: 30 },
      { name: 'x', scope: 'admin', expiresInDays: 30 },
      { name: 'x', scope: 'read', expiresInDays: 0 },
      { name: 'x', scope: 'read', expiresInDays: 366 },
      { name: 'x', scope: 'read', expiresInDays: 1.5 },
    ]) {
      await assert.rejects(
        db.transaction((tx) => createApiToken(tx, actor, input as never)),
        { code: 'validation_failed' },
        JSON.stringify(input),
      );
    }
  });

  test('is refused to a request that itself came with a token', async () => {
    const { actor, created } = await tokenFor('agent', 'write');
    const viaToken = { ...actor, apiToken: { id: created.id, scope: 'write' as const } };
    await assert.rejects(
      db.transaction((tx) => createApiToken(tx, viaToken, { name: 'copy', scope: 'write', expiresInDays: 1 })),
      { code: 'forbidden' },
    );
  });
});

describe('listing and revoking', () => {
  test('a user lists their own tokens only; an admin lists everyone’s with all', async () => {
    const mine = await tokenFor('requester');
    const theirs = await tokenFor('agent');
    const admin = await tokenFor('admin');
    const own = await listApiTokens(db, mine.actor);
    assert.deepEqual(
      own.map((token) => token.id),
      [mine.created.id],
    );
    assert.equal(own[0].owner.username, mine.user.username);
    assert.ok(!JSON.stringify(own).includes('hash'));
    await assert.rejects(listApiTokens(db, mine.actor, { all: true }), { code: 'forbidden' });
    const all = (await listApiTokens(db, admin.actor, { all: true })).map((token) => token.id);
    for (const id of [mine.created.id, theirs.created.id, admin.created.id]) assert.ok(all.includes(id));
  });

  test('a user revokes their own token, not someone else’s; an admin revokes anyone’s; each is audited', async () => {
    const mine = await tokenFor('requester');
    const theirs = await tokenFor('agent');
    const admin = await tokenFor('admin');
    await assert.rejects(
      db.transaction((tx) => revokeApiToken(tx, mine.actor, { tokenId: theirs.created.id })),
      { code: 'not_found' },
    );
    await db.transaction((tx) => revokeApiToken(tx, mine.actor, { tokenId: mine.created.id }));
    await assert.rejects(
      db.transaction((tx) => revokeApiToken(tx, mine.actor, { tokenId: mine.created.id })),
      { code: 'not_found' },
    );
    await db.transaction((tx) => revokeApiToken(tx, admin.actor, { tokenId: theirs.created.id }));
    assert.deepEqual(await listApiTokens(db, mine.actor), []);
    assert.deepEqual(await listApiTokens(db, theirs.actor), []);
    const audits = await rows<{ actor_id: string; target_id: string }>(
      sql`select actor_id, target_id from audit_log where action = 'api_token.revoke' order by id`,
    );
    assert.deepEqual(audits.slice(-2), [
      { actor_id: mine.user.id, target_id: mine.created.id },
      { actor_id: admin.user.id, target_id: theirs.created.id },
    ]);
    await assert.rejects(
      db.transaction((tx) => revokeApiToken(tx, mine.actor, { tokenId: 'not-a-uuid' })),
      { code: 'not_found' },
    );
  });
});

describe('a disabled account', () => {
  test('loses its tokens for good: enabling it again does not bring them back', async () => {
    const { user, created } = await tokenFor('agent');
    const admin = actorFor(await createTestUser(db, { role: 'admin' }));
    await db.transaction((tx) => setUserActive(tx, admin, { userId: user.id, active: false }));
    await db.transaction((tx) => setUserActive(tx, admin, { userId: user.id, active: true }));
    const [row] = await rows<{ revoked_at: Date | null }>(
      sql`select revoked_at from api_tokens where id = ${created.id}`,
    );
    assert.ok(row.revoked_at, 'the token stays revoked');
    const [audit] = await rows<{ details: Record<string, unknown> }>(
      sql`select details from audit_log where action = 'user.disable' and target_id = ${user.id}`,
    );
    assert.equal(audit.details.tokensRevoked, 1);
  });
});
