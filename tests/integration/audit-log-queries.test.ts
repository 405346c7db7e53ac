import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { auditListSchema, listAuditEntries } from '../../lib/audit/queries';
import { auditLog } from '../../lib/db/schema';
import { AppError } from '../../lib/errors';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db } = await useTestDatabase();

const admin = await createTestUser(db, { role: 'admin', username: 'audit-admin' });
const carol = await createTestUser(db, { role: 'agent', username: 'carol' });

// Twelve entries over three days, by two actors and by nobody (a failed sign-in).
await db.insert(auditLog).values([
  ...Array.from({ length: 8 }, (_, index) => ({
    at: new Date(Date.UTC(2026, 2, 1, 8, index)),
    actorId: carol.id,
    actorUsername: 'carol',
    action: 'auth.login_success',
    targetType: 'session',
    targetId: `s-${index}`,
    ipAddress: '198.51.100.4',
  })),
  {
    at: new Date(Date.UTC(2026, 2, 2, 9)),
    actorId: null,
    actorUsername: 'mallory',
    action: 'auth.login_failure',
    ipAddress: '203.0.113.9',
    details: { reason: 'unknown_user' },
  },
  {
    at: new Date(Date.UTC(2026, 2, 2, 10)),
    actorId: admin.id,
    actorUsername: 'audit-admin',
    action: 'license.update',
    targetType: 'license',
    targetId: 'lic-1',
    details: { name: 'Office' },
  },
  {
    at: new Date(Date.UTC(2026, 2, 3, 11)),
    actorId: admin.id,
    actorUsername: 'audit-admin',
    action: 'license.key_reveal',
    targetType: 'license',
    targetId: 'lic-1',
  },
  {
    at: new Date(Date.UTC(2026, 2, 3, 23, 59, 59)),
    actorId: carol.id,
    actorUsername: 'carol',
    action: 'authx.other',
    targetType: 'user',
    targetId: carol.id,
  },
]);

const list = (params: Record<string, string>) =>
  listAuditEntries(db, actorFor(admin), auditListSchema.parse({ from: '2026-03-01', to: '2026-03-03', ...params }));

describe('the audit log query', () => {
  test('lists the newest first, a page at a time, with the total', async () => {
    const first = await list({ pageSize: '5' });
    assert.equal(first.total, 12);
    assert.deepEqual(
      first.items.map((entry) => entry.action),
      ['authx.other', 'license.key_reveal', 'license.update', 'auth.login_failure', 'auth.login_success'],
    );
    assert.equal(first.items[4].targetId, 's-7');
    const third = await list({ pageSize: '5', page: '3' });
    assert.deepEqual(
      third.items.map((entry) => entry.targetId),
      ['s-1', 's-0'],
    );
    assert.deepEqual([third.page, third.pageSize, third.total], [3, 5, 12]);
  });

  test('an action ending in a dot is a prefix; any other action matches exactly', async () => {
    const prefix = await list({ action: 'auth.' });
    assert.equal(prefix.total, 9);
    assert.ok(prefix.items.every((entry) => entry.action.startsWith('auth.')));
    assert.equal((await list({ action: 'auth.login_success' })).total, 8);
    assert.equal((await list({ action: 'auth' })).total, 0);
    assert.equal((await list({ action: 'license.' })).total, 2);
  });

  test('filters by actor username, known or not, and by target', async () => {
    assert.equal((await list({ actor: 'CAROL' })).total, 9);
    const failures = await list({ actor: 'mallory' });
    assert.deepEqual(
      failures.items.map((entry) => [entry.action, entry.ipAddress, entry.details]),
      [['auth.login_failure', '203.0.113.9', { reason: 'unknown_user' }]],
    );
    assert.equal((await list({ targetType: 'license' })).total, 2);
    assert.equal((await list({ targetType: 'license', targetId: 'lic-1', action: 'license.key_reveal' })).total, 1);
  });

  test('date bounds are whole UTC days, both ends included', async () => {
    assert.equal((await list({ from: '2026-03-02', to: '2026-03-02' })).total, 2);
    assert.equal((await list({ from: '2026-03-03', to: '2026-03-03' })).total, 2);
    assert.equal((await list({ from: '2026-03-04', to: '2026-03-10' })).total, 0);
  });

  test('only admins may read it', async () => {
    await assert.rejects(
      listAuditEntries(db, actorFor(carol), auditListSchema.parse({})),
      (error: unknown) => error instanceof AppError && error.code === 'not_found',
    );
  });
});
