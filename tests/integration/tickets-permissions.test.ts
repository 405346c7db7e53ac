import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { assets } from '../../lib/db/schema-domain';
import { AppError } from '../../lib/errors';
import { setAssetLink } from '../../lib/tickets/asset-links';
import { listTickets } from '../../lib/tickets/list';
import { addComment, createTicket, updateTicket } from '../../lib/tickets/mutations';
import { getTicket } from '../../lib/tickets/queries';
import { ticketListQuerySchema } from '../../lib/tickets/schemas';
import { useTestDatabase } from '../support/test-database';
import { createTestUser } from '../support/users';

const { db, rows } = await useTestDatabase();

type Someone = { id: string; username: string; role: 'admin' | 'agent' | 'requester' };
const as = (user: Someone) => ({ actor: user, ipAddress: '192.0.2.60' });
const isCode = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

const admin = await createTestUser(db, { role: 'admin' });
const agent = await createTestUser(db, { role: 'agent' });
const alice = await createTestUser(db, { role: 'requester' });
const bob = await createTestUser(db, { role: 'requester' });

async function insertAsset(tag: string, assignedToId: string | null) {
  const [asset] = await db.insert(assets).values({ assetTag: tag, name: `Laptop ${tag}`, assignedToId }).returning({ id: assets.id });
  return asset.id;
}

const alicesLaptop = await insertAsset('PERM-A1', alice.id);
const bobsLaptop = await insertAsset('PERM-B1', bob.id);
const spare = await insertAsset('PERM-S1', null);

const alicesTicket = await db.transaction((tx) => createTicket(tx, { title: 'Alice cannot print', assetIds: [alicesLaptop] }, as(alice)));
const bobsTicket = await db.transaction((tx) => createTicket(tx, { title: 'Bob has no network' }, as(bob)));

describe('a requester and someone else\'s ticket', () => {
  test('reading it is "not found", exactly like a ticket that does not exist', async () => {
    await assert.rejects(getTicket(db, alice, bobsTicket.id), isCode('not_found'));
    await assert.rejects(getTicket(db, alice, '00000000-0000-4000-8000-000000000000'), isCode('not_found'));
    await assert.rejects(getTicket(db, alice, 'not-a-uuid'), isCode('not_found'));
  });

  test('updating, commenting on and linking to it are "not found" and change nothing', async () => {
    const before = await getTicket(db, bob, bobsTicket.id);
    await assert.rejects(
      db.transaction((tx) => updateTicket(tx, { ticketId: bobsTicket.id, version: before.version, status: 'closed' }, as(alice))),
      isCode('not_found'),
    );
    await assert.rejects(db.transaction((tx) => addComment(tx, { ticketId: bobsTicket.id, body: 'me too' }, as(alice))), isCode('not_found'));
    await assert.rejects(db.transaction((tx) => setAssetLink(tx, { ticketId: bobsTicket.id, assetId: alicesLaptop, linked: true }, as(alice))), isCode('not_found'));
    const after = await getTicket(db, bob, bobsTicket.id);
    assert.deepEqual([after.status, after.version, after.comments.length, after.assets.length], ['new', before.version, 0, 0]);
  });

  test('it never appears in their lists or counts, whatever the filters', async () => {
    for (const view of ['all', 'mine', 'unassigned'] as const) {
      const page = await listTickets(db, alice, ticketListQuerySchema.parse({ view }));
      assert.deepEqual(page.items.map((ticket) => ticket.id), [alicesTicket.id], view);
      assert.equal(page.total, 1, view);
    }
    const byRequester = await listTickets(db, alice, ticketListQuerySchema.parse({ requester: bob.id }));
    assert.deepEqual([byRequester.items.length, byRequester.total], [0, 0]);
    const byNumber = await listTickets(db, alice, ticketListQuerySchema.parse({ q: bobsTicket.reference }));
    assert.equal(byNumber.total, 0);
  });
});

describe('creating a ticket with assets', () => {
  test('a requester may link only assets assigned to them: others\' and spare ones are a field error', async () => {
    for (const assetId of [bobsLaptop, spare, '00000000-0000-4000-8000-000000000000']) {
      await assert.rejects(db.transaction((tx) => createTicket(tx, { title: 'Mine?', assetIds: [assetId] }, as(alice))), (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'validation_failed');
        assert.deepEqual(error.fields, { assetIds: 'Choose one of the assets assigned to you.' });
        return true;
      });
    }
    const [{ count }] = await rows<{ count: number }>(sql`select count(*)::int as count from tickets where title = 'Mine?'`);
    assert.equal(count, 0);
  });

  test('agents and admins may link any existing asset, but not one that does not exist', async () => {
    for (const staff of [agent, admin]) {
      const created = await db.transaction((tx) => createTicket(tx, { title: 'Spare laptop check', assetIds: [spare, bobsLaptop] }, as(staff)));
      const ticket = await getTicket(db, staff, created.id);
      assert.deepEqual(ticket.assets.map((asset) => asset.assetTag).sort(), ['PERM-B1', 'PERM-S1']);
    }
    await assert.rejects(
      db.transaction((tx) => createTicket(tx, { title: 'Ghost', assetIds: ['00000000-0000-4000-8000-000000000000'] }, as(agent))),
      isCode('validation_failed'),
    );
  });
});

describe('opening a ticket on someone\'s behalf', () => {
  test('an agent may open one for an active user; it is then that user\'s ticket', async () => {
    const created = await db.transaction((tx) => createTicket(tx, { title: 'Called in: screen cracked', requesterId: bob.id }, as(agent)));
    const ticket = await getTicket(db, bob, created.id);
    assert.equal(ticket.requester.id, bob.id);
    await assert.rejects(getTicket(db, alice, created.id), isCode('not_found'));
  });

  test('a requester may not, and nobody may for an unknown user', async () => {
    await assert.rejects(db.transaction((tx) => createTicket(tx, { title: 'For Bob', requesterId: bob.id }, as(alice))), isCode('forbidden'));
    await assert.rejects(
      db.transaction((tx) => createTicket(tx, { title: 'For nobody', requesterId: '00000000-0000-4000-8000-000000000000' }, as(agent))),
      (error: unknown) => error instanceof AppError && error.fields?.requesterId === 'Choose an active user.',
    );
  });
});

describe('what a requester may change on their own ticket', () => {
  test('not the priority, assignee, category or title: forbidden, and nothing changes', async () => {
    const ticket = await getTicket(db, alice, alicesTicket.id);
    for (const change of [{ priority: 'urgent' as const }, { assigneeId: agent.id }, { category: 'Network' }, { title: 'Renamed' }]) {
      await assert.rejects(db.transaction((tx) => updateTicket(tx, { ticketId: ticket.id, version: ticket.version, ...change }, as(alice))), isCode('forbidden'));
    }
    const after = await getTicket(db, alice, ticket.id);
    assert.deepEqual([after.priority, after.assignee, after.category, after.title, after.version], ['normal', null, 'General', 'Alice cannot print', ticket.version]);
  });

  test('not an internal note', async () => {
    await assert.rejects(db.transaction((tx) => addComment(tx, { ticketId: alicesTicket.id, body: 'psst', internal: true }, as(alice))), (error: unknown) => {
      return error instanceof AppError && error.code === 'forbidden' && /internal notes/.test(error.message);
    });
  });

  test('a public comment, closing it, and linking only their own assets', async () => {
    await db.transaction((tx) => addComment(tx, { ticketId: alicesTicket.id, body: 'Still broken' }, as(alice)));
    await assert.rejects(
      db.transaction((tx) => setAssetLink(tx, { ticketId: alicesTicket.id, assetId: bobsLaptop, linked: true }, as(alice))),
      isCode('validation_failed'),
    );
    await db.transaction((tx) => setAssetLink(tx, { ticketId: alicesTicket.id, assetId: alicesLaptop, linked: false }, as(alice)));
    const ticket = await getTicket(db, alice, alicesTicket.id);
    assert.deepEqual(ticket.assets, []);
    await db.transaction((tx) => updateTicket(tx, { ticketId: ticket.id, version: ticket.version, status: 'closed' }, as(alice)));
    const closed = await getTicket(db, alice, ticket.id);
    assert.equal(closed.status, 'closed');
    assert.ok(closed.closedAt);
    assert.deepEqual(closed.comments.map((comment) => comment.body), ['Still broken']);
  });
});

describe('agents and admins', () => {
  test('see, update, comment on and link assets to every ticket', async () => {
    for (const staff of [agent, admin]) {
      const ticket = await getTicket(db, staff, bobsTicket.id);
      await db.transaction((tx) => updateTicket(tx, { ticketId: ticket.id, version: ticket.version, priority: 'high' }, as(staff)));
      await db.transaction((tx) => addComment(tx, { ticketId: ticket.id, body: `note by ${staff.role}`, internal: true }, as(staff)));
      await db.transaction((tx) => setAssetLink(tx, { ticketId: ticket.id, assetId: spare, linked: true }, as(staff)));
    }
    const ticket = await getTicket(db, agent, bobsTicket.id);
    assert.equal(ticket.priority, 'high');
    assert.deepEqual(ticket.comments.map((comment) => [comment.body, comment.internal]), [['note by agent', true], ['note by admin', true]]);
    assert.deepEqual(ticket.assets.map((asset) => asset.assetTag), ['PERM-S1']);
    const all = await listTickets(db, agent, ticketListQuerySchema.parse({}));
    assert.ok(all.items.some((item) => item.id === bobsTicket.id) && all.items.some((item) => item.id === alicesTicket.id));
  });
});
