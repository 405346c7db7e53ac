import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../lib/errors';
import { updateUserDetails } from '../../lib/users/mutations';
import { listUsersPage } from '../../lib/users/queries';
import { userListSchema } from '../../lib/users/schemas';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, testCommandLine, uniqueUsername } from '../support/users';

const { db } = await useTestDatabase();

const list = (query: Record<string, string>) => listUsersPage(db, testCommandLine, userListSchema.parse(query));

describe('the admin user list', () => {
  test('searches username, name and email, in any letter case, and pages the matches', async () => {
    const tag = uniqueUsername('zeta').split('-')[1];
    const byUsername = await createTestUser(db, { username: `ZetaUser-${tag}` });
    const byName = await createTestUser(db);
    const byEmail = await createTestUser(db);
    await createTestUser(db);
    await db.transaction(async (tx) => {
      await updateUserDetails(tx, testCommandLine, { userId: byName.id, displayName: `Zed ${tag}`, email: '' });
      await updateUserDetails(tx, testCommandLine, {
        userId: byEmail.id,
        displayName: 'Someone',
        email: `z.${tag}@EXAMPLE.org`,
      });
    });

    const all = await list({ q: tag.toUpperCase() });
    assert.equal(all.total, 3);
    assert.deepEqual(new Set(all.items.map((user) => user.id)), new Set([byUsername.id, byName.id, byEmail.id]));

    const first = await list({ q: tag, pageSize: '2', page: '1' });
    const second = await list({ q: tag, pageSize: '2', page: '2' });
    assert.deepEqual([first.total, first.items.length, second.items.length], [3, 2, 1]);
    const usernames = [...first.items, ...second.items].map((user) => user.username.toLowerCase());
    assert.deepEqual(usernames, [...usernames].sort(), 'pages follow the username order');
    assert.equal(new Set(usernames).size, 3, 'no user on two pages');

    assert.equal((await list({ q: `${tag}@example.org%` })).total, 0, 'LIKE wildcards in the search match themselves');
  });

  test('is for admins only', async () => {
    const agent = await createTestUser(db, { role: 'agent' });
    await assert.rejects(
      listUsersPage(db, actorFor(agent), userListSchema.parse({})),
      (error: unknown) => error instanceof AppError && error.code === 'not_found',
    );
  });
});
