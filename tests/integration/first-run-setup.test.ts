import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { AppError } from '../../lib/errors';
import { listUsers } from '../../lib/users/queries';
import { completeFirstRunSetup, isSetupNeeded } from '../../lib/users/setup';
import { useTestDatabase } from '../support/test-database';
import { testCommandLine } from '../support/users';

const { db, rows } = await useTestDatabase();
const adminInput = (username: string) => ({
  username,
  displayName: `Admin ${username}`,
  password: 'first admin password',
});

function isSetupClosed(error: unknown): boolean {
  return error instanceof AppError && error.code === 'setup_closed' && /already complete/.test(error.message);
}

describe('first-run setup', () => {
  test('an empty database needs setup; completing it creates one admin, and it stays done', async () => {
    assert.equal(await isSetupNeeded(), true);

    const admin = await completeFirstRunSetup(adminInput('root-admin'), '192.0.2.1');
    assert.equal(admin.role, 'admin');
    assert.equal(admin.active, true);
    assert.equal(admin.displayName, 'Admin root-admin');
    assert.equal('passwordHash' in admin, false);

    const [setup] = await rows<{ admin_id: string }>(sql`select admin_id from instance_setup`);
    assert.equal(setup.admin_id, admin.id);
    const [audit] = await rows<{ action: string; target_id: string }>(
      sql`select action, target_id from audit_log where action = 'user.create'`,
    );
    assert.equal(audit.target_id, admin.id);

    assert.equal(await isSetupNeeded(), false);
  });

  test('a second setup is refused and changes nothing', async () => {
    await assert.rejects(completeFirstRunSetup(adminInput('intruder'), '203.0.113.66'), isSetupClosed);
    assert.deepEqual(
      (await listUsers(db, testCommandLine)).map((user) => user.username),
      ['root-admin'],
    );
  });

  test('two setups racing each other: exactly one admin is created, the other is refused', async () => {
    // Back to a fresh instance (the app itself never deletes these rows).
    await rows(sql`delete from instance_setup`);
    await rows(sql`delete from audit_log`);
    await rows(sql`delete from users`);

    const results = await Promise.allSettled([
      completeFirstRunSetup(adminInput('racer-one'), '192.0.2.1'),
      completeFirstRunSetup(adminInput('racer-two'), '192.0.2.2'),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result) => result.status === 'rejected');
    assert.equal(fulfilled.length, 1);
    assert.equal(rejected.length, 1);
    assert.ok(isSetupClosed(rejected[0].reason), String(rejected[0].reason));

    const users = await listUsers(db, testCommandLine);
    assert.equal(users.length, 1);
    assert.equal(users[0].role, 'admin');
    assert.equal(users[0].id, (fulfilled[0] as PromiseFulfilledResult<{ id: string }>).value.id);
  });

  test('setup is refused when users already exist, even without a setup record', async () => {
    await rows(sql`delete from instance_setup`);
    await assert.rejects(completeFirstRunSetup(adminInput('late-comer'), '192.0.2.3'), isSetupClosed);
    assert.equal((await listUsers(db, testCommandLine)).length, 1);
  });
});
