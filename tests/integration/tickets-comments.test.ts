import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { addComment, createTicket, updateTicket } from '../../lib/tickets/mutations';
import { getTicket } from '../../lib/tickets/queries';
import { getTicketTimeline } from '../../lib/tickets/timeline';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db, rows } = await useTestDatabase();

const signedIn = async (role: Actor['role']) =>
  actorFor(await createTestUser(db, { role }), { ipAddress: '192.0.2.62' });

const agent = await signedIn('agent');
const admin = await signedIn('admin');
const requester = await signedIn('requester');
const comment = (ticketId: string, by: Actor, body: string, internal = false) =>
  db.transaction((tx) => addComment(tx, by, { ticketId, body, internal }));

describe('internal notes', () => {
  test('are returned to agents and admins, never to the requester, by the ticket or its timeline', async () => {
    const { id } = await db.transaction((tx) => createTicket(tx, requester, { title: 'VPN drops' }));
    await comment(id, agent, 'Looks like the old client; check with networking', true);
    await comment(id, agent, 'Please update your VPN client and try again.');
    await comment(id, admin, 'Escalated to networking', true);
    await comment(id, requester, 'Updated, works now.');

    for (const staff of [agent, admin]) {
      const ticket = await getTicket(db, staff, id);
      assert.deepEqual(
        ticket.comments.map((item) => item.internal),
        [true, false, true, false],
      );
    }
    const seenByRequester = await getTicket(db, requester, id);
    assert.deepEqual(
      seenByRequester.comments.map((item) => item.body),
      ['Please update your VPN client and try again.', 'Updated, works now.'],
    );
    const timeline = await getTicketTimeline(db, seenByRequester);
    assert.equal(JSON.stringify(timeline).includes('networking'), false);
    assert.equal(
      timeline.some((entry) => entry.type === 'comment' && entry.internal),
      false,
    );
    assert.equal(
      timeline.some((entry) => entry.type === 'event' && entry.kind === 'internal_note'),
      false,
    );

    const staffTimeline = await getTicketTimeline(db, await getTicket(db, agent, id));
    assert.deepEqual(
      staffTimeline.map((entry) => (entry.type === 'comment' ? (entry.internal ? 'note' : 'reply') : entry.kind)),
      ['created', 'note', 'reply', 'note', 'reply'],
    );
  });
});

describe('a comment', () => {
  test('needs no version, writes an event and an audit row, and moves updatedAt but not the version', async () => {
    const { id } = await db.transaction((tx) => createTicket(tx, requester, { title: 'Keyboard' }));
    const before = await getTicket(db, agent, id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const created = await comment(id, requester, 'The E key sticks');
    const after = await getTicket(db, agent, id);
    assert.ok(after.updatedAt > before.updatedAt);
    assert.equal(after.version, before.version);
    assert.deepEqual(
      after.comments.map((item) => [item.body, item.author?.id]),
      [['The E key sticks', requester.id]],
    );
    const events = await rows<{ kind: string; to_value: string }>(
      sql`select kind, to_value from ticket_events where ticket_id = ${id} order by id`,
    );
    assert.deepEqual(
      events.map((event) => [event.kind, event.to_value]),
      [
        ['created', 'new'],
        ['comment', created.id],
      ],
    );
    const audit = await rows<{ action: string }>(sql`select action from audit_log where target_id = ${id} order by id`);
    assert.deepEqual(
      audit.map((row) => row.action),
      ['ticket.create', 'ticket.comment'],
    );

    // The agent's form, read before the comment, still saves: a comment overwrites nothing.
    await db.transaction((tx) => updateTicket(tx, agent, { ticketId: id, version: before.version, status: 'open' }));
  });

  test('must have a body of at most 10,000 characters', async () => {
    const { id } = await db.transaction((tx) => createTicket(tx, requester, { title: 'Mouse' }));
    const refusedWith = (message: string) => (error: unknown) =>
      error instanceof AppError && error.code === 'validation_failed' && error.fields?.body === message;
    await assert.rejects(comment(id, requester, '   '), refusedWith('Write a comment.'));
    await assert.rejects(comment(id, requester, 'x'.repeat(10_001)), refusedWith('Use at most 10,000 characters.'));
    await comment(id, requester, 'x'.repeat(10_000));
    assert.equal((await getTicket(db, requester, id)).comments.length, 1);
  });
});
