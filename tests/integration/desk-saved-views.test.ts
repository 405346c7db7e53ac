import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createAsset } from '../../lib/assets/mutations';
import { AppError } from '../../lib/errors';
import { normalizeViewQuery } from '../../lib/saved-views/list-queries';
import {
  listSavedViews,
  listSavedViewsWithCounts,
  removeView,
  renameView,
  saveView,
} from '../../lib/saved-views/views';
import { createTicket, updateTicket } from '../../lib/tickets/mutations';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// Saved views (lib/saved-views): who sees which, who renames and removes, and counts that are the
// lists' own counts for the person looking.

const { db } = await useTestDatabase();

const admin = actorFor(await createTestUser(db, { role: 'admin' }));
const agent = actorFor(await createTestUser(db, { role: 'agent' }));
const otherAgent = actorFor(await createTestUser(db, { role: 'agent' }));
const requester = actorFor(await createTestUser(db, { role: 'requester' }));
const otherRequester = actorFor(await createTestUser(db, { role: 'requester' }));
const run = Date.now().toString(36);

const refusedWith = (code: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code, error.message);
  return true;
};

const save = (
  actor: typeof agent,
  input: { list: 'tickets' | 'assets'; name: string; query?: string; shared?: boolean },
) => db.transaction((tx) => saveView(tx, actor, input));

for (const title of ['One', 'Two', 'Three'])
  await db.transaction((tx) => createTicket(tx, requester, { title, priority: 'urgent', category: 'Hardware' }));
await db.transaction((tx) => createTicket(tx, otherRequester, { title: 'Theirs', priority: 'urgent' }));
const resolved = await db.transaction((tx) => createTicket(tx, requester, { title: 'Done', priority: 'urgent' }));
await db.transaction((tx) => updateTicket(tx, agent, { ticketId: resolved.id, version: 1, status: 'resolved' }));
for (const tag of ['A', 'B'])
  await db.transaction((tx) =>
    createAsset(tx, admin, { assetTag: `${tag}-${run}`, name: tag, category: `Desk${run}` }),
  );

describe('saved views', () => {
  test('the query is kept without the page or unknown parameters, in a stable order', () => {
    assert.equal(
      normalizeViewQuery('tickets', '?page=3&sort=priority&priority=urgent&status=open&status=new&utm=x'),
      'priority=urgent&sort=priority&status=open%2Cnew',
    );
    assert.equal(normalizeViewQuery('assets', 'category=Laptops&page=2&q=dell'), 'category=Laptops&q=dell');
  });

  test('personal views are their owner’s; shared ones are seen by agents and admins only', async () => {
    const mine = await save(agent, { list: 'tickets', name: 'My urgent', query: 'priority=urgent&page=2' });
    const shared = await save(agent, { list: 'tickets', name: 'Team urgent', query: 'priority=urgent', shared: true });
    const own = await save(requester, { list: 'tickets', name: 'Mine', query: 'priority=urgent' });
    await assert.rejects(
      save(requester, { list: 'tickets', name: 'Everyone', shared: true }),
      refusedWith('forbidden'),
    );
    assert.equal(mine.href, '/tickets?priority=urgent');

    const ids = async (actor: typeof agent) => (await listSavedViews(db, actor)).map((view) => view.id);
    assert.deepEqual(await ids(agent), [mine.id, shared.id]);
    assert.deepEqual(await ids(otherAgent), [shared.id]);
    assert.deepEqual(await ids(requester), [own.id]);
    assert.deepEqual(await ids(otherRequester), []);

    // Renaming is the owner's; removing a shared one is the owner's or an admin's.
    await assert.rejects(
      db.transaction((tx) => renameView(tx, otherAgent, { id: shared.id, version: 1, name: 'Mine now' })),
      refusedWith('forbidden'),
    );
    await assert.rejects(
      db.transaction((tx) => renameView(tx, requester, { id: mine.id, version: 1, name: 'x' })),
      refusedWith('not_found'),
    );
    await assert.rejects(
      db.transaction((tx) => removeView(tx, otherAgent, { id: shared.id })),
      refusedWith('forbidden'),
    );
    await assert.rejects(
      db.transaction((tx) => removeView(tx, admin, { id: mine.id })),
      refusedWith('not_found'),
    );
    const renamed = await db.transaction((tx) => renameView(tx, agent, { id: mine.id, version: 1, name: 'Urgent' }));
    assert.equal(renamed.version, 2);
    await assert.rejects(
      db.transaction((tx) => renameView(tx, agent, { id: mine.id, version: 1, name: 'Stale' })),
      refusedWith('conflict'),
    );
    await db.transaction((tx) => removeView(tx, admin, { id: shared.id }));
    assert.deepEqual(await ids(otherAgent), []);
  });

  test('counts are the list’s own count for the person looking', async () => {
    await save(otherAgent, { list: 'tickets', name: 'Urgent open', query: 'priority=urgent' });
    await save(otherAgent, { list: 'tickets', name: 'Urgent, every status', query: 'priority=urgent&status=all' });
    await save(otherAgent, { list: 'assets', name: 'Desks', query: `category=Desk${run}&sort=tag&dir=asc` });
    await save(requester, { list: 'tickets', name: 'Mine urgent', query: 'priority=urgent&status=all' });

    const counts = async (actor: typeof agent) =>
      Object.fromEntries((await listSavedViewsWithCounts(db, actor)).map((view) => [view.name, view.count]));
    // Staff: open work by default (4 urgent open tickets, 5 with the resolved one).
    assert.deepEqual(await counts(otherAgent), { 'Urgent open': 4, 'Urgent, every status': 5, Desks: 2 });
    // A requester's list holds their own tickets only: 4 of theirs, not the other requester's.
    const mine = await counts(requester);
    assert.equal(mine['Mine urgent'], 4);
  });

  test('the menu shows 30: one’s own first, however many others share; the 31st own view is refused', async () => {
    const sharer = actorFor(await createTestUser(db, { role: 'agent' }));
    const saver = actorFor(await createTestUser(db, { role: 'agent' }));
    const sharedIds: string[] = [];
    for (let index = 1; index <= 30; index++)
      sharedIds.push(
        (await save(sharer, { list: 'tickets', name: `Shared ${index}`, query: 'priority=urgent', shared: true })).id,
      );
    try {
      const mine = await save(saver, { list: 'assets', name: 'My desks', query: `category=Desk${run}` });
      const menu = await listSavedViews(db, saver);
      assert.equal(menu.length, 30);
      assert.equal(menu[0].id, mine.id);
      // The page where views are managed lists every one: an admin can remove any shared view.
      const every = await listSavedViewsWithCounts(db, admin, { every: true });
      assert.ok(sharedIds.every((id) => every.some((view) => view.id === id)));

      for (let index = 2; index <= 30; index++) await save(saver, { list: 'tickets', name: `Mine ${index}` });
      await assert.rejects(save(saver, { list: 'tickets', name: 'One too many' }), (error: unknown) => {
        assert.ok(error instanceof AppError && error.code === 'conflict');
        assert.match(error.message, /remove one under Saved views/);
        return true;
      });
      assert.equal((await listSavedViews(db, saver, { limit: null })).length, 30 + 30);
    } finally {
      for (const id of sharedIds) await db.transaction((tx) => removeView(tx, sharer, { id }));
    }
  });
});
