import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { assets } from '../../lib/db/schema-domain';
import { AppError } from '../../lib/errors';
import { linkableAssetIdByTag, setAssetLink } from '../../lib/tickets/asset-links';
import { listTickets } from '../../lib/tickets/list';
import { addComment, createTicket, updateTicket } from '../../lib/tickets/mutations';
import { getTicket } from '../../lib/tickets/queries';
import { ticketListQuerySchema } from '../../lib/tickets/schemas';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db, rows } = await useTestDatabase();

const signedIn = async (role: Actor['role']) =>
  actorFor(await createTestUser(db, { role }), { ipAddress: '192.0.2.60' });
const isCode = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

const admin = await signedIn('admin');
const agent = await signedIn('agent');
const alice = await signedIn('requester');
const bob = await signedIn('requester');

async function insertAsset(tag: string, assignedToId: string | null) {
  const [asset] = await db
    .insert(assets)
    .values({ assetTag: tag, name: `Laptop ${tag}`, assignedToId })
    .returning({ id: assets.id });
  return asset.id;
}

const alicesLaptop = await insertAsset('PERM-A1', alice.id);
const bobsLaptop = await insertAsset('PERM-B1', bob.id);
const spare = await insertAsset('PERM-S1', null);

const alicesTicket = await db.transaction((tx) =>
  createTicket(tx, alice, { title: 'Alice cannot print', assetIds: [alicesLaptop] }),
);
const bobsTicket = await db.transaction((tx) => createTicket(tx, bob, { title: 'Bob has no network' }));

describe("a requester and someone else's ticket", () => {
  test('reading it is "not found", exactly like a ticket that does not exist', async () => {
    await assert.rejects(getTicket(db, alice, bobsTicket.id), isCode('not_found'));
    await assert.rejects(getTicket(db, alice, '00000000-0000-4000-8000-000000000000'), isCode('not_found'));
    await assert.rejects(getTicket(db, alice, 'not-a-uuid'), isCode('not_found'));
  });

  test('by reference too: her own opens in any case, his is "not found" like one that does not exist', async () => {
    const { reference } = await getTicket(db, bob, bobsTicket.id);
    assert.equal((await getTicket(db, bob, reference.toLowerCase())).id, bobsTicket.id);
    assert.equal((await getTicket(db, admin, reference)).id, bobsTicket.id);
    await assert.rejects(getTicket(db, alice, reference), isCode('not_found'));
    await assert.rejects(getTicket(db, alice, 'T-999999999'), isCode('not_found'));
  });

  test('updating, commenting on and linking to it are "not found" and change nothing', async () => {
    const before = await getTicket(db, bob, bobsTicket.id);
    await assert.rejects(
      db.transaction((tx) =>
        updateTicket(tx, alice, { ticketId: bobsTicket.id, version: before.version, status: 'closed' }),
      ),
      isCode('not_found'),
    );
    await assert.rejects(
      db.transaction((tx) => addComment(tx, alice, { ticketId: bobsTicket.id, body: 'me too' })),
      isCode('not_found'),
    );
    await assert.rejects(
      db.transaction((tx) => setAssetLink(tx, alice, { ticketId: bobsTicket.id, assetId: alicesLaptop, linked: true })),
      isCode('not_found'),
    );
    const after = await getTicket(db, bob, bobsTicket.id);
    assert.deepEqual(
      [after.status, after.version, after.comments.length, after.assets.length],
      ['new', before.version, 0, 0],
    );
  });

  test('it never appears in their lists or counts, whatever the filters', async () => {
    for (const view of ['all', 'mine', 'unassigned'] as const) {
      const page = await listTickets(db, alice, ticketListQuerySchema.parse({ view }));
      assert.deepEqual(
        page.items.map((ticket) => ticket.id),
        [alicesTicket.id],
        view,
      );
      assert.equal(page.total, 1, view);
    }
    const byRequester = await listTickets(db, alice, ticketListQuerySchema.parse({ requester: bob.id }));
    assert.deepEqual([byRequester.items.length, byRequester.total], [0, 0]);
    const byNumber = await listTickets(db, alice, ticketListQuerySchema.parse({ q: bobsTicket.reference }));
    assert.equal(byNumber.total, 0);
  });
});

describe('creating a ticket with assets', () => {
  test("a requester may link only assets assigned to them: others' and spare ones are a field error", async () => {
    for (const assetId of [bobsLaptop, spare, '00000000-0000-4000-8000-000000000000']) {
      await assert.rejects(
        db.transaction((tx) => createTicket(tx, alice, { title: 'Mine?', assetIds: [assetId] })),
        (error: unknown) => {
          assert.ok(error instanceof AppError);
          assert.equal(error.code, 'validation_failed');
          assert.deepEqual(error.fields, { assetIds: 'Choose one of the assets assigned to you.' });
          return true;
        },
      );
    }
    const [{ count }] = await rows<{ count: number }>(
      sql`select count(*)::int as count from tickets where title = 'Mine?'`,
    );
    assert.equal(count, 0);
  });

  test('agents and admins may link any existing asset, but not one that does not exist', async () => {
    for (const staff of [agent, admin]) {
      const created = await db.transaction((tx) =>
        createTicket(tx, staff, { title: 'Spare laptop check', assetIds: [spare, bobsLaptop] }),
      );
      const ticket = await getTicket(db, staff, created.id);
      assert.deepEqual(ticket.assets.map((asset) => asset.assetTag).sort(), ['PERM-B1', 'PERM-S1']);
    }
    await assert.rejects(
      db.transaction((tx) =>
        createTicket(tx, agent, { title: 'Ghost', assetIds: ['00000000-0000-4000-8000-000000000000'] }),
      ),
      isCode('validation_failed'),
    );
  });
});

describe("opening a ticket on someone's behalf", () => {
  test("an agent may open one for an active user; it is then that user's ticket", async () => {
    const created = await db.transaction((tx) =>
      createTicket(tx, agent, { title: 'Called in: screen cracked', requesterId: bob.id }),
    );
    const ticket = await getTicket(db, bob, created.id);
    assert.equal(ticket.requester.id, bob.id);
    await assert.rejects(getTicket(db, alice, created.id), isCode('not_found'));
  });

  test('a requester may not, and nobody may for an unknown user', async () => {
    await assert.rejects(
      db.transaction((tx) => createTicket(tx, alice, { title: 'For Bob', requesterId: bob.id })),
      isCode('forbidden'),
    );
    await assert.rejects(
      db.transaction((tx) =>
        createTicket(tx, agent, { title: 'For nobody', requesterId: '00000000-0000-4000-8000-000000000000' }),
      ),
      (error: unknown) => error instanceof AppError && error.fields?.requesterId === 'Choose an active user.',
    );
  });
});

describe('what a requester may change on their own ticket', () => {
  test('not the priority, assignee, category or title: forbidden, and nothing changes', async () => {
    const ticket = await getTicket(db, alice, alicesTicket.id);
    for (const change of [
      { priority: 'urgent' as const },
      { assigneeId: agent.id },
      { category: 'Network' },
      { title: 'Renamed' },
    ]) {
      await assert.rejects(
        db.transaction((tx) => updateTicket(tx, alice, { ticketId: ticket.id, version: ticket.version, ...change })),
        isCode('forbidden'),
      );
    }
    const after = await getTicket(db, alice, ticket.id);
    assert.deepEqual(
      [after.priority, after.assignee, after.category, after.title, after.version],
      ['normal', null, 'General', 'Alice cannot print', ticket.version],
    );
  });

  test('not an internal note', async () => {
    await assert.rejects(
      db.transaction((tx) => addComment(tx, alice, { ticketId: alicesTicket.id, body: 'psst', internal: true })),
      (error: unknown) => {
        return error instanceof AppError && error.code === 'forbidden' && /internal notes/.test(error.message);
      },
    );
  });

  test('a public comment, closing it, and linking only their own assets', async () => {
    await db.transaction((tx) => addComment(tx, alice, { ticketId: alicesTicket.id, body: 'Still broken' }));
    await assert.rejects(
      db.transaction((tx) => setAssetLink(tx, alice, { ticketId: alicesTicket.id, assetId: bobsLaptop, linked: true })),
      isCode('validation_failed'),
    );
    await db.transaction((tx) =>
      setAssetLink(tx, alice, { ticketId: alicesTicket.id, assetId: alicesLaptop, linked: false }),
    );
    const ticket = await getTicket(db, alice, alicesTicket.id);
    assert.deepEqual(ticket.assets, []);
    await db.transaction((tx) =>
      updateTicket(tx, alice, { ticketId: ticket.id, version: ticket.version, status: 'closed' }),
    );
    const closed = await getTicket(db, alice, ticket.id);
    assert.equal(closed.status, 'closed');
    assert.ok(closed.closedAt);
    assert.deepEqual(
      closed.comments.map((comment) => comment.body),
      ['Still broken'],
    );
  });
});

describe('agents and admins', () => {
  test('see, update, comment on and link assets to every ticket', async () => {
    for (const staff of [agent, admin]) {
      const ticket = await getTicket(db, staff, bobsTicket.id);
      await db.transaction((tx) =>
        updateTicket(tx, staff, { ticketId: ticket.id, version: ticket.version, priority: 'high' }),
      );
      await db.transaction((tx) =>
        addComment(tx, staff, { ticketId: ticket.id, body: `note by ${staff.role}`, internal: true }),
      );
      await db.transaction((tx) => setAssetLink(tx, staff, { ticketId: ticket.id, assetId: spare, linked: true }));
    }
    const ticket = await getTicket(db, agent, bobsTicket.id);
    assert.equal(ticket.priority, 'high');
    assert.deepEqual(
      ticket.comments.map((comment) => [comment.body, comment.internal]),
      [
        ['note by agent', true],
        ['note by admin', true],
      ],
    );
    assert.deepEqual(
      ticket.assets.map((asset) => asset.assetTag),
      ['PERM-S1'],
    );
    const all = await listTickets(db, agent, ticketListQuerySchema.parse({}));
    assert.ok(
      all.items.some((item) => item.id === bobsTicket.id) && all.items.some((item) => item.id === alicesTicket.id),
    );
  });
});

describe('linking an asset by its tag', () => {
  const refusal = async (actor: Actor, tag: string) => {
    try {
      await linkableAssetIdByTag(db, actor, tag);
    } catch (error) {
      assert.ok(error instanceof AppError);
      return { code: error.code, message: error.message, fields: error.fields };
    }
    assert.fail(`the tag ${tag} was accepted`);
  };

  test("a requester cannot tell a tag that does not exist from someone else's: one refusal for both", async () => {
    const mine = await linkableAssetIdByTag(db, alice, 'perm-a1');
    assert.equal(mine, alicesLaptop);
    const expected = {
      code: 'validation_failed',
      message: 'Choose one of the assets assigned to you.',
      fields: { asset: 'Choose one of the assets assigned to you.' },
    };
    assert.deepEqual(await refusal(alice, 'PERM-B1'), expected);
    assert.deepEqual(await refusal(alice, 'PERM-S1'), expected);
    assert.deepEqual(await refusal(alice, 'NO-SUCH-TAG'), expected);
  });

  test('staff find any tag, in any letter case, and are told when none has it', async () => {
    assert.equal(await linkableAssetIdByTag(db, agent, 'perm-b1'), bobsLaptop);
    assert.equal(await linkableAssetIdByTag(db, admin, ' PERM-S1 '), spare);
    assert.deepEqual(await refusal(agent, 'NO-SUCH-TAG'), {
      code: 'validation_failed',
      message: 'No asset has this tag.',
      fields: { asset: 'No asset has this tag.' },
    });
  });
});
