import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { jobHandlers } from '../../lib/jobs/handlers';
import { addComment, createTicket, updateTicket } from '../../lib/tickets/mutations';
import { startSmtpCapture, type CapturedMail } from '../support/smtp-capture';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// Notifications travel for real: the mutations queue 'mail-send' jobs, this file runs their
// handler with each job's data (as a worker would) and a capture server on 127.0.0.1 receives them.

const smtpLogin = { user: 'helpdesk', pass: 'smtp-s3cret-pass' };
const capture = await startSmtpCapture({ login: smtpLogin });
after(() => capture.close());
const publicUrl = 'http://127.0.0.1:3999/it';
const { db, rows } = await useTestDatabase({
  SMTP_URL: capture.url,
  MAIL_FROM: 'IT Helpdesk <helpdesk@example.test>',
  PUBLIC_URL: publicUrl,
  BASE_PATH: '/it',
});

async function person(role: Actor['role'], options: { email?: string | null; notifyUnassigned?: boolean } = {}) {
  const user = await createTestUser(db, { role });
  const email = options.email === undefined ? `${user.username}@example.test` : options.email;
  await rows(
    sql`update users set email = ${email}, notify_unassigned = ${options.notifyUnassigned ?? false} where id = ${user.id}`,
  );
  return actorFor({ ...user, email, displayName: `${role} ${user.username}` });
}

const handled = new Set<string>();
/** Runs every 'mail-send' job queued since the last call, and returns the mails that arrived. */
async function deliverQueued(): Promise<CapturedMail[]> {
  const jobs = await rows<{ id: string; data: unknown }>(
    sql`select id, data from pgboss.job where name = 'mail-send' order by created_on, id`,
  );
  const fresh = jobs.filter((job) => !handled.has(job.id));
  capture.clear();
  for (const job of fresh) {
    handled.add(job.id);
    await jobHandlers['mail-send'](job.data, { id: job.id, retryCount: 0 });
  }
  return capture.waitForMessages(fresh.length);
}

const to = (mails: CapturedMail[], user: Actor) => mails.filter((mail) => mail.envelope.to.includes(user.email!));
const header = (mail: CapturedMail, name: string) => mail.parsed.headers.get(name);

const agent = await person('agent', { notifyUnassigned: true });
const quietAgent = await person('agent', { notifyUnassigned: false });
const admin = await person('admin', { notifyUnassigned: true });
const requester = await person('requester');

describe('a new ticket', () => {
  test('mails the requester a receipt and the agents who hear about unassigned tickets, threaded and linked', async () => {
    const title = 'Printer <b>on fire</b> & smoking';
    const ticket = await db.transaction((tx) =>
      createTicket(tx, requester, { title, description: 'Line one\n<script>alert(1)</script>' }),
    );
    const mails = await deliverQueued();
    assert.deepEqual(
      mails.map((mail) => mail.envelope.to[0]).sort(),
      [admin.email, agent.email, requester.email].sort(),
    );
    assert.equal(to(mails, quietAgent).length, 0);

    const [receipt] = to(mails, requester);
    assert.equal(receipt.parsed.subject, `[${ticket.reference}] We received your request: ${title}`);
    assert.equal(header(receipt, 'auto-submitted'), 'auto-generated');
    const messageId = receipt.parsed.messageId!;
    assert.match(messageId, /^<[0-9a-f]{32}@example\.test>$/);
    const threadId = `<ticket-${ticket.id}@example.test>`;
    assert.equal(receipt.parsed.inReplyTo, threadId);
    assert.equal(receipt.parsed.references, threadId);
    const link = `${publicUrl}/tickets/${ticket.id}`;
    assert.ok(receipt.parsed.text!.includes(link));
    assert.ok(receipt.parsed.text!.includes('<script>alert(1)</script>'));
    assert.ok(receipt.parsed.html);
    assert.ok(receipt.parsed.html.includes(`href="${link}"`));
    assert.ok(receipt.parsed.html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.equal(receipt.parsed.html.includes('<script>'), false);
    assert.equal(receipt.parsed.html.includes('<b>on fire'), false);
    assert.equal(new Set(mails.map((mail) => mail.parsed.messageId)).size, mails.length);

    const recorded = await rows<{ message_id: string; user_id: string; outcome: string; ticket_id: string }>(
      sql`select message_id, user_id, outcome, ticket_id from mail_messages where direction = 'out' and ticket_id = ${ticket.id}`,
    );
    assert.deepEqual(
      recorded.map((row) => [row.user_id, row.outcome]).sort(),
      [
        [admin.id, 'new_unassigned'],
        [agent.id, 'new_unassigned'],
        [requester.id, 'ticket_received'],
      ].sort(),
    );
    assert.ok(recorded.some((row) => row.message_id === messageId && row.user_id === requester.id));
  });

  test('opened by an agent for a requester: the requester gets the receipt, the agent nothing', async () => {
    await db.transaction((tx) => createTicket(tx, agent, { title: 'New laptop', requesterId: requester.id }));
    const mails = await deliverQueued();
    assert.equal(to(mails, requester)[0].parsed.subject?.includes('We received your request'), true);
    assert.equal(to(mails, agent).length, 0);
    assert.equal(to(mails, admin).length, 1);
  });

  test('a mail that opened the ticket is what replies thread to', async () => {
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'From mail' }));
    await deliverQueued();
    await rows(
      sql`insert into mail_messages (direction, message_id, ticket_id, user_id, outcome) values ('in', '<first@client.example>', ${ticket.id}, ${requester.id}, 'ticket')`,
    );
    await db.transaction((tx) => addComment(tx, agent, { ticketId: ticket.id, body: 'On it', internal: false }));
    const [reply] = await deliverQueued();
    assert.equal(reply.parsed.inReplyTo, '<first@client.example>');
    assert.deepEqual(reply.parsed.references, ['<first@client.example>', `<ticket-${ticket.id}@example.test>`]);
  });
});

describe('replies and notes', () => {
  test('an internal note mails nobody; a public reply mails the requester, never its author', async () => {
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'VPN' }));
    await deliverQueued();
    const jobsBefore = await rows(sql`select id from pgboss.job where name = 'mail-send'`);
    await db.transaction((tx) =>
      addComment(tx, agent, { ticketId: ticket.id, body: 'Secret: networking', internal: true }),
    );
    assert.equal((await rows(sql`select id from pgboss.job where name = 'mail-send'`)).length, jobsBefore.length);

    await db.transaction((tx) =>
      addComment(tx, agent, { ticketId: ticket.id, body: 'Please retry now.', internal: false }),
    );
    const mails = await deliverQueued();
    assert.deepEqual(
      mails.map((mail) => mail.envelope.to[0]),
      [requester.email],
    );
    assert.match(mails[0].parsed.subject!, /^\[T-\d+\] New reply: VPN$/);
    assert.ok(mails[0].parsed.text!.includes('Please retry now.'));
    assert.equal(mails[0].raw.includes('networking'), false);
  });

  test("a requester's reply mails the assignee, not the requester", async () => {
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'Screen' }));
    await db.transaction((tx) => updateTicket(tx, agent, { ticketId: ticket.id, version: 1, assigneeId: agent.id }));
    await deliverQueued();
    await db.transaction((tx) =>
      addComment(tx, requester, { ticketId: ticket.id, body: 'Still flickers', internal: false }),
    );
    const mails = await deliverQueued();
    assert.deepEqual(
      mails.map((mail) => mail.envelope.to[0]),
      [agent.email],
    );
    assert.match(mails[0].parsed.subject!, /replied: Screen$/);
  });
});

describe('changes', () => {
  test('assignment mails the new assignee unless they took it themselves; resolving mails the requester', async () => {
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'Mouse' }));
    await deliverQueued();
    await db.transaction((tx) => updateTicket(tx, agent, { ticketId: ticket.id, version: 1, assigneeId: agent.id }));
    assert.deepEqual(await deliverQueued(), []);
    await db.transaction((tx) =>
      updateTicket(tx, admin, { ticketId: ticket.id, version: 2, assigneeId: quietAgent.id }),
    );
    const assigned = await deliverQueued();
    assert.deepEqual(
      assigned.map((mail) => mail.envelope.to[0]),
      [quietAgent.email],
    );
    assert.match(assigned[0].parsed.subject!, /Assigned to you: Mouse$/);

    await db.transaction((tx) => updateTicket(tx, quietAgent, { ticketId: ticket.id, version: 3, status: 'resolved' }));
    const resolved = await deliverQueued();
    assert.deepEqual(
      resolved.map((mail) => mail.envelope.to[0]),
      [requester.email],
    );
    assert.match(resolved[0].parsed.subject!, /Resolved: Mouse$/);
  });

  test('opt-outs are respected for what is not essential; inactive users and users without an address get nothing', async () => {
    const choosy = await person('requester');
    await rows(
      sql`update users set notification_opt_outs = '["ticket_received","ticket_resolved","public_reply"]'::jsonb where id = ${choosy.id}`,
    );
    const ticket = await db.transaction((tx) => createTicket(tx, choosy, { title: 'Opted out' }));
    assert.deepEqual(to(await deliverQueued(), choosy), []);
    await db.transaction((tx) => updateTicket(tx, agent, { ticketId: ticket.id, version: 1, status: 'resolved' }));
    assert.deepEqual(await deliverQueued(), []);
    await db.transaction((tx) => addComment(tx, agent, { ticketId: ticket.id, body: 'Answer', internal: false }));
    assert.deepEqual(
      (await deliverQueued()).map((mail) => mail.envelope.to[0]),
      [choosy.email],
    );

    const noAddress = await person('requester', { email: null });
    await db.transaction((tx) => createTicket(tx, noAddress, { title: 'No address' }));
    assert.deepEqual(to(await deliverQueued(), noAddress), []);

    const leaving = await person('agent', { notifyUnassigned: true });
    await rows(sql`update users set active = false where id = ${leaving.id}`);
    await db.transaction((tx) => createTicket(tx, requester, { title: 'While away' }));
    assert.deepEqual(to(await deliverQueued(), leaving), []);
  });

  test('a mail that waits goes to its recipient as they are when it is sent: nothing once disabled, the new address if changed', async () => {
    const departing = await person('requester');
    const moving = await person('agent', { notifyUnassigned: true });
    await db.transaction((tx) => createTicket(tx, departing, { title: 'Queued while they change' }));
    await rows(sql`update users set active = false where id = ${departing.id}`);
    const newAddress = `moved-${moving.username}@example.test`;
    await rows(sql`update users set email = ${newAddress} where id = ${moving.id}`);

    const jobs = await rows<{ id: string; data: unknown }>(
      sql`select id, data from pgboss.job where name = 'mail-send' order by created_on, id`,
    );
    const fresh = jobs.filter((job) => !handled.has(job.id));
    assert.ok(fresh.some((job) => (job.data as { to: string }).to === departing.email));
    capture.clear();
    for (const job of fresh) {
      handled.add(job.id);
      await jobHandlers['mail-send'](job.data, { id: job.id, retryCount: 0 });
    }
    const mails = await capture.waitForMessages(fresh.length - 1);
    const recipients = mails.flatMap((mail) => mail.envelope.to);
    assert.equal(recipients.includes(departing.email!), false);
    assert.equal(recipients.includes(moving.email!), false);
    assert.equal(recipients.filter((address) => address === newAddress).length, 1);
  });
});

describe('a mail server that is down', () => {
  test('fails the job with an error saying where and why, without the password', async () => {
    await db.transaction((tx) => createTicket(tx, requester, { title: 'Down' }));
    const [job] = await rows<{ id: string; data: unknown }>(
      sql`select id, data from pgboss.job where name = 'mail-send' order by created_on desc limit 1`,
    );
    await capture.close();
    await assert.rejects(
      () => jobHandlers['mail-send'](job.data, { id: job.id, retryCount: 0 }),
      (error: Error) => {
        assert.match(
          error.message,
          /through smtp:\/\/helpdesk@127\.0\.0\.1:\d+ failed at connection: connection refused/,
        );
        assert.equal(error.message.includes(smtpLogin.pass), false);
        return true;
      },
    );
  });
});
