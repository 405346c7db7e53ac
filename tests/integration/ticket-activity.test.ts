import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { agentQueue } from '../../lib/dashboard/ticket-stats';
import { listTickets } from '../../lib/tickets/list';
import { addComment, createTicket, updateTicket } from '../../lib/tickets/mutations';
import { markTicketSeen } from '../../lib/tickets/reads';
import { getTicket } from '../../lib/tickets/queries';
import { ticketListQuerySchema } from '../../lib/tickets/schemas';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// The ticket's activity rules: a requester's reply reopens a pending ticket and tells the assignee,
// @mentions tell the staff they name, and the lists mark what an agent has not seen. Mails are
// asserted as the rows notify.ts records (no mail server: jobs are queued, never run here).

const { db, rows } = await useTestDatabase({
  SMTP_URL: 'smtp://127.0.0.1:1',
  MAIL_FROM: 'IT Helpdesk <helpdesk@example.test>',
  PUBLIC_URL: 'http://127.0.0.1:3999',
});

async function person(role: Actor['role']): Promise<Actor> {
  const user = await createTestUser(db, { role });
  const email = `${user.username}@example.test`;
  await rows(sql`update users set email = ${email}, notify_unassigned = false where id = ${user.id}`);
  return actorFor({ ...user, email });
}

const agent = await person('agent');
const otherAgent = await person('agent');
const admin = await person('admin');
const requester = await person('requester');
const otherRequester = await person('requester');

/** The notification mails recorded for a ticket, as "kind → username". */
async function mailsFor(ticketId: string): Promise<string[]> {
  const recorded = await rows<{ outcome: string; username: string }>(
    sql`select m.outcome, u.username from mail_messages m join users u on u.id = m.user_id
        where m.direction = 'out' and m.ticket_id = ${ticketId} order by m.id`,
  );
  return recorded.map((row) => `${row.outcome} → ${row.username}`);
}

async function pendingTicketOf(assignee: Actor) {
  const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'VPN drops', description: '' }));
  await db.transaction((tx) =>
    updateTicket(tx, agent, { ticketId: ticket.id, version: 1, assigneeId: assignee.id, status: 'pending' }),
  );
  return ticket;
}

const statusOf = async (ticketId: string) => (await getTicket(db, agent, ticketId)).status;

describe("a requester's reply to a pending ticket", () => {
  test('reopens it, records the change in the timeline and the audit log, and mails the assignee once', async () => {
    const ticket = await pendingTicketOf(otherAgent);
    const before = await mailsFor(ticket.id);
    await db.transaction((tx) => addComment(tx, requester, { ticketId: ticket.id, body: 'Still broken.' }));
    assert.equal(await statusOf(ticket.id), 'open');

    const events = await rows<{ kind: string; from_value: string; to_value: string; actor_id: string }>(
      sql`select kind, from_value, to_value, actor_id from ticket_events
          where ticket_id = ${ticket.id} and kind = 'status' order by id desc limit 1`,
    );
    assert.deepEqual(events[0], { kind: 'status', from_value: 'pending', to_value: 'open', actor_id: requester.id });
    const audits = await rows<{ details: { changes: unknown; reason: string } }>(
      sql`select details from audit_log where target_id = ${ticket.id} and action = 'ticket.update'
          and actor_id = ${requester.id}`,
    );
    assert.deepEqual(audits[0].details.changes, { status: { from: 'pending', to: 'open' } });
    assert.equal(audits[0].details.reason, 'requester_reply');

    const added = (await mailsFor(ticket.id)).slice(before.length);
    assert.deepEqual(added, [`ticket_reopened → ${otherAgent.username}`]);
  });

  test('reopens it when it comes by mail too: the rule lives in addComment, which mail intake calls', async () => {
    const ticket = await pendingTicketOf(agent);
    const mailActor = { ...requester, sessionId: null, ipAddress: null };
    await db.transaction((tx) => addComment(tx, mailActor, { ticketId: ticket.id, body: 'Reply by mail' }));
    assert.equal(await statusOf(ticket.id), 'open');
  });

  test("an agent's reply or note, or a reply to an open ticket, changes no status", async () => {
    const ticket = await pendingTicketOf(agent);
    await db.transaction((tx) => addComment(tx, agent, { ticketId: ticket.id, body: 'Any news?' }));
    await db.transaction((tx) => addComment(tx, agent, { ticketId: ticket.id, body: 'Note', internal: true }));
    assert.equal(await statusOf(ticket.id), 'pending');
    await db.transaction((tx) => addComment(tx, requester, { ticketId: ticket.id, body: 'Yes' }));
    const before = await mailsFor(ticket.id);
    await db.transaction((tx) => addComment(tx, requester, { ticketId: ticket.id, body: 'And more' }));
    assert.equal(await statusOf(ticket.id), 'open');
    assert.deepEqual((await mailsFor(ticket.id)).slice(before.length), [`requester_reply → ${agent.username}`]);
  });

  test('another requester cannot reach the ticket at all', async () => {
    const ticket = await pendingTicketOf(agent);
    await assert.rejects(
      db.transaction((tx) => addComment(tx, otherRequester, { ticketId: ticket.id, body: 'Me too' })),
      /No such ticket/,
    );
    assert.equal(await statusOf(ticket.id), 'pending');
  });
});

describe('@mentions', () => {
  test('in a reply, a note or a description tell the staff named, once, and never the writer', async () => {
    const ticket = await db.transaction((tx) =>
      createTicket(tx, requester, { title: 'Laptop', description: `Ask @${admin.username} about it` }),
    );
    assert.deepEqual(await mailsFor(ticket.id), [
      `ticket_received → ${requester.username}`,
      `mentioned → ${admin.username}`,
    ]);

    const note = `@${otherAgent.username} can you check? cc @${agent.username} @${requester.username} @nobody-here`;
    await db.transaction((tx) => addComment(tx, agent, { ticketId: ticket.id, body: note, internal: true }));
    const afterNote = await mailsFor(ticket.id);
    assert.deepEqual(afterNote.slice(2), [`mentioned → ${otherAgent.username}`]);

    // The description's mentions that were there before are not told again.
    await db.transaction((tx) =>
      updateTicket(tx, agent, {
        ticketId: ticket.id,
        version: 1,
        description: `Ask @${admin.username} and @${otherAgent.username}`,
      }),
    );
    assert.deepEqual((await mailsFor(ticket.id)).slice(afterNote.length), [`mentioned → ${otherAgent.username}`]);
  });

  test('a mention inside code is not a mention; the assignee mentioned in a reply gets one mail', async () => {
    const ticket = await pendingTicketOf(agent);
    const before = await mailsFor(ticket.id);
    await db.transaction((tx) =>
      addComment(tx, requester, { ticketId: ticket.id, body: `Thanks @${agent.username}! \`@${admin.username}\`` }),
    );
    assert.deepEqual((await mailsFor(ticket.id)).slice(before.length), [`ticket_reopened → ${agent.username}`]);
  });

  test('a turned-off mention mail is not sent', async () => {
    await rows(sql`update users set notification_opt_outs = '["mentioned"]'::jsonb where id = ${otherAgent.id}`);
    try {
      const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'Mouse', description: '' }));
      const before = await mailsFor(ticket.id);
      await db.transaction((tx) =>
        addComment(tx, agent, { ticketId: ticket.id, body: `@${otherAgent.username} ?`, internal: true }),
      );
      assert.deepEqual((await mailsFor(ticket.id)).slice(before.length), []);
    } finally {
      await rows(sql`update users set notification_opt_outs = '[]'::jsonb where id = ${otherAgent.id}`);
    }
  });
});

describe('unseen marks', () => {
  const listQuery = ticketListQuerySchema.parse({ view: 'mine', status: 'new,open,pending', pageSize: '100' });
  const unseenIn = async (viewer: Actor, ticketId: string) => {
    const page = await listTickets(db, viewer, listQuery);
    return page.items.find((item) => item.id === ticketId)?.unseen;
  };
  const open = async (viewer: Actor, ticketId: string) =>
    markTicketSeen(db, viewer, await getTicket(db, viewer, ticketId));

  test("someone else's reply, note or status change marks a ticket until the agent opens it; their own does not", async () => {
    const ticket = await pendingTicketOf(otherAgent);
    assert.equal(await unseenIn(otherAgent, ticket.id), true, 'assigned by someone else');
    await open(otherAgent, ticket.id);
    assert.equal(await unseenIn(otherAgent, ticket.id), false);

    await db.transaction((tx) => addComment(tx, otherAgent, { ticketId: ticket.id, body: 'Mine' }));
    assert.equal(await unseenIn(otherAgent, ticket.id), false, 'their own reply');

    await db.transaction((tx) => addComment(tx, requester, { ticketId: ticket.id, body: 'Reopen please' }));
    assert.equal(await unseenIn(otherAgent, ticket.id), true, 'the requester reopened it');
    await open(otherAgent, ticket.id);

    await db.transaction((tx) => addComment(tx, agent, { ticketId: ticket.id, body: 'fyi', internal: true }));
    assert.equal(await unseenIn(otherAgent, ticket.id), true, "another agent's note");
    const queue = await agentQueue(db, otherAgent.id, 100);
    assert.equal(queue.find((item) => item.id === ticket.id)?.unseen, true, 'the dashboard reads the same mark');
    await open(otherAgent, ticket.id);
    assert.equal(await unseenIn(otherAgent, ticket.id), false);
  });

  test('opening an older copy of the page never hides newer news; requesters get no marks', async () => {
    const ticket = await pendingTicketOf(agent);
    const stale = await getTicket(db, agent, ticket.id);
    await db.transaction((tx) => addComment(tx, requester, { ticketId: ticket.id, body: 'New' }));
    await markTicketSeen(db, agent, stale);
    assert.equal(await unseenIn(agent, ticket.id), true);
    await open(requester, ticket.id);
    const own = await listTickets(db, requester, listQuery);
    assert.ok(own.items.every((item) => item.unseen === false));
  });
});
