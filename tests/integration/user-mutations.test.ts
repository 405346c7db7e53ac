import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { AppError } from '../../lib/errors';
import { changeUserRole, createUser, setUserActive } from '../../lib/users/mutations';
import { findUserById } from '../../lib/users/queries';
import { useTestDatabase } from '../support/test-database';
import { createTestUser, testPassword, uniqueUsername } from '../support/users';

const { db, kind, rows } = await useTestDatabase();

function isConflict(pattern: RegExp) {
  return (error: unknown) => error instanceof AppError && error.code === 'conflict' && pattern.test(error.message);
}

const actorOf = (user: { id: string; username: string }) => ({ actor: { id: user.id, username: user.username }, ipAddress: '192.0.2.50' });

async function auditFor(targetId: string) {
  const audit = await rows<{ action: string; actor_id: string | null; ip_address: string | null; details: unknown }>(
    sql`select action, actor_id, ip_address, details from audit_log where target_id = ${targetId} order by id`,
  );
  return audit.map((row) => ({ ...row, details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details }));
}

describe('user changes', () => {
  test('a username differing only in letter case is already taken', async () => {
    const username = uniqueUsername('Casey');
    await createTestUser(db, { username });
    await assert.rejects(createTestUser(db, { username: username.toUpperCase() }), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.code, 'conflict');
      assert.deepEqual(error.fields, { username: 'This username is already taken.' });
      return true;
    });
  });

  test('creating, changing the role of and disabling a user are audited with who did it', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    const user = await db.transaction((tx) =>
      createUser(tx, { username: uniqueUsername('audited'), role: 'requester', password: testPassword }, actorOf(admin)),
    );
    await db.transaction((tx) => changeUserRole(tx, { userId: user.id, role: 'agent', expectedVersion: user.version }, actorOf(admin)));
    await db.transaction((tx) => setUserActive(tx, { userId: user.id, active: false }, actorOf(admin)));

    const audit = await auditFor(user.id);
    assert.deepEqual(audit.map((row) => row.action), ['user.create', 'user.role_change', 'user.disable']);
    for (const row of audit) assert.deepEqual([row.actor_id, row.ip_address], [admin.id, '192.0.2.50']);
    assert.deepEqual(audit[1].details, { username: user.username, from: 'requester', to: 'agent' });
    assert.equal(JSON.stringify(audit).includes(testPassword), false);

    const after = await findUserById(db, user.id);
    assert.deepEqual([after?.role, after?.active, after?.version], ['agent', false, user.version + 2]);
  });

  test('a change made from a stale form (old version) is refused and changes nothing', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    const user = await createTestUser(db, { role: 'agent' });
    await db.transaction((tx) => changeUserRole(tx, { userId: user.id, role: 'requester', expectedVersion: user.version }, actorOf(admin)));

    await assert.rejects(
      db.transaction((tx) => changeUserRole(tx, { userId: user.id, role: 'admin', expectedVersion: user.version }, actorOf(admin))),
      isConflict(/changed by someone else/),
    );
    await assert.rejects(
      db.transaction((tx) => setUserActive(tx, { userId: user.id, active: false, expectedVersion: user.version }, actorOf(admin))),
      isConflict(/changed by someone else/),
    );
    const after = await findUserById(db, user.id);
    assert.deepEqual([after?.role, after?.active], ['requester', true]);
  });

  test('an unknown user is "not found"', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    await assert.rejects(
      db.transaction((tx) => changeUserRole(tx, { userId: '00000000-0000-4000-8000-000000000000', role: 'agent' }, actorOf(admin))),
      (error: unknown) => error instanceof AppError && error.code === 'not_found',
    );
  });
});

describe('the last active admin', () => {
  test('cannot be demoted or disabled; once another admin exists, they can', async () => {
    // A fresh set of users, so "last admin" means the one below.
    await rows(sql`delete from users`);
    const only = await createTestUser(db, { role: 'admin' });
    const agent = await createTestUser(db, { role: 'agent' });
    const byAgent = actorOf(agent);

    await assert.rejects(db.transaction((tx) => changeUserRole(tx, { userId: only.id, role: 'agent' }, byAgent)), isConflict(/active admin must remain/));
    await assert.rejects(db.transaction((tx) => setUserActive(tx, { userId: only.id, active: false }, byAgent)), isConflict(/active admin must remain/));

    // A disabled admin does not count.
    const dormant = await createTestUser(db, { role: 'admin' });
    await db.transaction((tx) => setUserActive(tx, { userId: dormant.id, active: false }, actorOf(only)));
    await assert.rejects(db.transaction((tx) => changeUserRole(tx, { userId: only.id, role: 'agent' }, byAgent)), isConflict(/active admin must remain/));

    const second = await createTestUser(db, { role: 'admin' });
    await db.transaction((tx) => changeUserRole(tx, { userId: only.id, role: 'agent' }, actorOf(second)));
    assert.equal((await findUserById(db, only.id))?.role, 'agent');
    await assert.rejects(db.transaction((tx) => setUserActive(tx, { userId: second.id, active: false }, byAgent)), isConflict(/active admin must remain/));
  });

  test(
    'two admins demoting each other at the same moment: one wins, the other gets a clear conflict',
    async () => {
      for (let round = 0; round < 20; round++) {
        await rows(sql`delete from users`);
        const a = await createTestUser(db, { role: 'admin' });
        const b = await createTestUser(db, { role: 'admin' });
        const results = await Promise.allSettled([
          db.transaction((tx) => changeUserRole(tx, { userId: a.id, role: 'agent' }, actorOf(b))),
          db.transaction((tx) => changeUserRole(tx, { userId: b.id, role: 'agent' }, actorOf(a))),
        ]);
        const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
        assert.equal(failures.length, 1, `round ${round}: ${failures.map(String).join('; ')}`);
        assert.ok(isConflict(/active admin must remain/)(failures[0]), `round ${round}: ${String(failures[0])}`);
        const admins = await rows(sql`select id from users where role = 'admin' and active`);
        assert.equal(admins.length, 1);
      }
    },
  );

  test('nobody can disable their own account', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    await createTestUser(db, { role: 'admin' });
    await assert.rejects(db.transaction((tx) => setUserActive(tx, { userId: admin.id, active: false }, actorOf(admin))), isConflict(/your own account/));
  });
});
