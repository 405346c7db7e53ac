import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { AppError } from '../../lib/errors';
import { changeUserRole, createUser, setUserActive, setUserPassword } from '../../lib/users/mutations';
import { findUserById } from '../../lib/users/queries';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, testCommandLine, testPassword, uniqueUsername } from '../support/users';

const { db, rows } = await useTestDatabase();

function isConflict(pattern: RegExp) {
  return (error: unknown) => error instanceof AppError && error.code === 'conflict' && pattern.test(error.message);
}

const actorOf = (user: Parameters<typeof actorFor>[0]) => actorFor(user, { ipAddress: '192.0.2.50' });

async function auditFor(targetId: string) {
  const audit = await rows<{ action: string; actor_id: string | null; ip_address: string | null; details: unknown }>(
    sql`select action, actor_id, ip_address, details from audit_log where target_id = ${targetId} order by id`,
  );
  return audit.map((row) => ({
    ...row,
    details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
  }));
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
      createUser(tx, actorOf(admin), {
        username: uniqueUsername('audited'),
        role: 'requester',
        password: testPassword,
      }),
    );
    await db.transaction((tx) =>
      changeUserRole(tx, actorOf(admin), { userId: user.id, role: 'agent', expectedVersion: user.version }),
    );
    await db.transaction((tx) => setUserActive(tx, actorOf(admin), { userId: user.id, active: false }));

    const audit = await auditFor(user.id);
    assert.deepEqual(
      audit.map((row) => row.action),
      ['user.create', 'user.role_change', 'user.disable'],
    );
    for (const row of audit) assert.deepEqual([row.actor_id, row.ip_address], [admin.id, '192.0.2.50']);
    assert.deepEqual(audit[1].details, { username: user.username, from: 'requester', to: 'agent' });
    assert.equal(JSON.stringify(audit).includes(testPassword), false);

    const after = await findUserById(db, testCommandLine, user.id);
    assert.deepEqual([after?.role, after?.active, after?.version], ['agent', false, user.version + 2]);
  });

  test('a change made from a stale form (old version) is refused and changes nothing', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    const user = await createTestUser(db, { role: 'agent' });
    await db.transaction((tx) =>
      changeUserRole(tx, actorOf(admin), { userId: user.id, role: 'requester', expectedVersion: user.version }),
    );

    await assert.rejects(
      db.transaction((tx) =>
        changeUserRole(tx, actorOf(admin), { userId: user.id, role: 'admin', expectedVersion: user.version }),
      ),
      isConflict(/^Changed by someone else — reload the page and try again\.$/),
    );
    await assert.rejects(
      db.transaction((tx) =>
        setUserActive(tx, actorOf(admin), { userId: user.id, active: false, expectedVersion: user.version }),
      ),
      isConflict(/^Changed by someone else — reload the page and try again\.$/),
    );
    const after = await findUserById(db, testCommandLine, user.id);
    assert.deepEqual([after?.role, after?.active], ['requester', true]);
  });

  test('only admins (and the command line) change users; anyone may change their own password', async () => {
    const agent = await createTestUser(db, { role: 'agent' });
    const requester = await createTestUser(db, { role: 'requester' });
    const isForbidden = (error: unknown) => error instanceof AppError && error.code === 'forbidden';
    await assert.rejects(
      db.transaction((tx) =>
        createUser(tx, actorOf(agent), { username: uniqueUsername('sneaky'), role: 'admin', password: testPassword }),
      ),
      isForbidden,
    );
    await assert.rejects(
      db.transaction((tx) => changeUserRole(tx, actorOf(agent), { userId: agent.id, role: 'admin' })),
      isForbidden,
    );
    await assert.rejects(
      db.transaction((tx) => setUserActive(tx, actorOf(agent), { userId: requester.id, active: false })),
      isForbidden,
    );
    await assert.rejects(
      db.transaction((tx) =>
        setUserPassword(tx, actorOf(agent), { userId: requester.id, password: 'not yours to set' }),
      ),
      isForbidden,
    );
    assert.equal(await findUserById(db, actorOf(agent), requester.id), null);

    await db.transaction((tx) =>
      setUserPassword(tx, actorOf(requester), { userId: requester.id, password: 'my own new secret' }),
    );
    await db.transaction((tx) =>
      setUserPassword(tx, testCommandLine, { userId: agent.id, password: 'set from the shell' }),
    );
    assert.deepEqual(
      [...(await auditFor(requester.id)), ...(await auditFor(agent.id))].map((row) => [row.action, row.actor_id]),
      [
        ['user.create', null],
        ['user.password_change', requester.id],
        ['user.create', null],
        ['user.password_reset', null],
      ],
    );
    const after = await findUserById(db, testCommandLine, agent.id);
    assert.deepEqual([after?.role, after?.active], ['agent', true]);
  });

  test('an unknown user is "not found"', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    await assert.rejects(
      db.transaction((tx) =>
        changeUserRole(tx, actorOf(admin), { userId: '00000000-0000-4000-8000-000000000000', role: 'agent' }),
      ),
      (error: unknown) => error instanceof AppError && error.code === 'not_found',
    );
  });
});

describe('the last active admin', () => {
  test('cannot be demoted or disabled; once another admin exists, they can', async () => {
    // A fresh set of users, so "last admin" means the one below.
    await rows(sql`delete from users`);
    const only = await createTestUser(db, { role: 'admin' });
    // Not even the command line, which may change any user, can take the last admin away.
    const byCommandLine = testCommandLine;

    await assert.rejects(
      db.transaction((tx) => changeUserRole(tx, byCommandLine, { userId: only.id, role: 'agent' })),
      isConflict(/active admin must remain/),
    );
    await assert.rejects(
      db.transaction((tx) => setUserActive(tx, byCommandLine, { userId: only.id, active: false })),
      isConflict(/active admin must remain/),
    );

    // A disabled admin does not count.
    const dormant = await createTestUser(db, { role: 'admin' });
    await db.transaction((tx) => setUserActive(tx, actorOf(only), { userId: dormant.id, active: false }));
    await assert.rejects(
      db.transaction((tx) => changeUserRole(tx, byCommandLine, { userId: only.id, role: 'agent' })),
      isConflict(/active admin must remain/),
    );

    const second = await createTestUser(db, { role: 'admin' });
    await db.transaction((tx) => changeUserRole(tx, actorOf(second), { userId: only.id, role: 'agent' }));
    assert.equal((await findUserById(db, testCommandLine, only.id))?.role, 'agent');
    await assert.rejects(
      db.transaction((tx) => setUserActive(tx, byCommandLine, { userId: second.id, active: false })),
      isConflict(/active admin must remain/),
    );
  });

  test('two admins demoting each other at the same moment: one wins, the other gets a clear conflict', async () => {
    for (let round = 0; round < 20; round++) {
      await rows(sql`delete from users`);
      const a = await createTestUser(db, { role: 'admin' });
      const b = await createTestUser(db, { role: 'admin' });
      const results = await Promise.allSettled([
        db.transaction((tx) => changeUserRole(tx, actorOf(b), { userId: a.id, role: 'agent' })),
        db.transaction((tx) => changeUserRole(tx, actorOf(a), { userId: b.id, role: 'agent' })),
      ]);
      const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      assert.equal(failures.length, 1, `round ${round}: ${failures.map(String).join('; ')}`);
      assert.ok(isConflict(/active admin must remain/)(failures[0]), `round ${round}: ${String(failures[0])}`);
      const admins = await rows(sql`select id from users where role = 'admin' and active`);
      assert.equal(admins.length, 1);
    }
  });

  test('nobody can disable their own account', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    await createTestUser(db, { role: 'admin' });
    await assert.rejects(
      db.transaction((tx) => setUserActive(tx, actorOf(admin), { userId: admin.id, active: false })),
      isConflict(/your own account/),
    );
  });
});
