import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { AppError } from '../../lib/errors';
import { createUser, updateUserDetails } from '../../lib/users/mutations';
import { findUserById } from '../../lib/users/queries';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, testPassword, uniqueUsername } from '../support/users';

const { db, rows } = await useTestDatabase();

const uniqueEmail = () => `${uniqueUsername('mail')}@example.org`;

function failsWith(code: string, fields?: Record<string, string>) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, code);
    if (fields) assert.deepEqual(error.fields, fields);
    return true;
  };
}

describe('editing a user name and email', () => {
  test('an admin changes both; the change is audited with what it was and the version moves on', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    const user = await createTestUser(db, { role: 'requester' });
    const email = uniqueEmail();
    const result = await db.transaction((tx) =>
      updateUserDetails(tx, actorFor(admin), {
        userId: user.id,
        displayName: '  Ada Lovelace ',
        email,
        expectedVersion: user.version,
      }),
    );
    assert.deepEqual(result, { changed: true });
    const saved = await findUserById(db, actorFor(admin), user.id);
    assert.equal(saved?.displayName, 'Ada Lovelace');
    assert.equal(saved?.email, email);
    assert.equal(saved?.version, user.version + 1);

    const audit = await rows<{ action: string; actor_id: string; details: unknown }>(
      sql`select action, actor_id, details from audit_log where target_id = ${user.id} and action = 'user.details_change'`,
    );
    assert.equal(audit.length, 1);
    assert.equal(audit[0].actor_id, admin.id);
    const details = typeof audit[0].details === 'string' ? JSON.parse(audit[0].details) : audit[0].details;
    assert.deepEqual(details, {
      username: user.username,
      from: { displayName: user.displayName, email: null },
      to: { displayName: 'Ada Lovelace', email },
    });
  });

  test('an edit made from a stale version is refused and changes nothing', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    const user = await createTestUser(db);
    const edit = (displayName: string) =>
      db.transaction((tx) =>
        updateUserDetails(tx, actorFor(admin), {
          userId: user.id,
          displayName,
          email: '',
          expectedVersion: user.version,
        }),
      );
    await edit('First edit');
    await assert.rejects(edit('Second edit'), failsWith('conflict'));
    assert.equal((await findUserById(db, actorFor(admin), user.id))?.displayName, 'First edit');
  });

  test('an empty name, a malformed address and an address another user has are refused beside the field', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    const owner = await createTestUser(db);
    const taken = uniqueEmail();
    await db.transaction((tx) =>
      updateUserDetails(tx, actorFor(admin), { userId: owner.id, displayName: 'Owner', email: taken }),
    );
    const user = await createTestUser(db);
    const edit = (displayName: string, email: string) =>
      db.transaction((tx) => updateUserDetails(tx, actorFor(admin), { userId: user.id, displayName, email }));

    await assert.rejects(edit('   ', ''), failsWith('validation_failed', { displayName: 'Enter a name.' }));
    await assert.rejects(
      edit('Name', 'not an address'),
      failsWith('validation_failed', { email: 'Enter a valid email address or leave it empty.' }),
    );
    await assert.rejects(
      edit('Name', taken.toUpperCase()),
      failsWith('conflict', { email: `This address already belongs to ${owner.username}.` }),
    );
    assert.equal((await findUserById(db, actorFor(admin), user.id))?.version, user.version);
  });

  test('saving the same values changes nothing and writes no audit row', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    const user = await createTestUser(db);
    const result = await db.transaction((tx) =>
      updateUserDetails(tx, actorFor(admin), { userId: user.id, displayName: user.displayName, email: '' }),
    );
    assert.deepEqual(result, { changed: false });
    const audit = await rows(
      sql`select id from audit_log where target_id = ${user.id} and action = 'user.details_change'`,
    );
    assert.equal(audit.length, 0);
  });

  test('only admins edit other users', async () => {
    const agent = await createTestUser(db, { role: 'agent' });
    const user = await createTestUser(db);
    await assert.rejects(
      db.transaction((tx) => updateUserDetails(tx, actorFor(agent), { userId: user.id, displayName: 'X', email: '' })),
      failsWith('forbidden'),
    );
  });
});

test('a new user cannot take an address another account has', async () => {
  const admin = await createTestUser(db, { role: 'admin' });
  const owner = await createTestUser(db);
  const taken = uniqueEmail();
  await db.transaction((tx) =>
    updateUserDetails(tx, actorFor(admin), { userId: owner.id, displayName: 'Owner', email: taken }),
  );
  await assert.rejects(
    db.transaction((tx) =>
      createUser(tx, actorFor(admin), {
        username: uniqueUsername('second'),
        email: taken.toUpperCase(),
        role: 'requester',
        password: testPassword,
      }),
    ),
    failsWith('conflict', { email: `This address already belongs to ${owner.username}.` }),
  );
});
