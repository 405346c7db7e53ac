// Tickets by email against a real IMAP server (Debian's Dovecot), on PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import type { AppConfig } from '../../lib/config';
import { mailMessages } from '../../lib/db/schema-mail';
import { fetchMail } from '../../lib/mail/incoming/fetch-mail';
import { processIncomingMail } from '../../lib/mail/incoming/process-message';
import { createTicket } from '../../lib/tickets/mutations';
import { startDovecot } from '../support/dovecot';
import { composeMail, newMessageId } from '../support/mail-messages';
import { sleep, useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const dovecot = await startDovecot();
const {
  db,
  rows: resultRows,
  config,
} = await useTestDatabase({
  IMAP_URL: dovecot.url(),
  PUBLIC_URL: 'http://127.0.0.1:3000',
  MAIL_FROM: 'IT Helpdesk <helpdesk@example.test>',
  ATTACHMENT_MAX_BYTES: '4096',
});
// PostgreSQL's driver returns its own array type; plain arrays compare equal on both databases.
const rows = async <Row = Record<string, unknown>>(query: SQL) => [...(await resultRows<Row>(query))];

let mailboxCount = 0;
/** A mailbox of its own for one test, and the configuration that reads it. */
async function mailbox(mail: Partial<AppConfig['mail']> = {}): Promise<{ name: string; config: AppConfig }> {
  mailboxCount += 1;
  const name = `Test${mailboxCount}`;
  const imap = await dovecot.client();
  await imap.mailboxCreate(name);
  await imap.logout();
  return { name, config: { ...config, mail: { ...config.mail, imapUrl: dovecot.url(name), ...mail } } };
}

const readMailbox = (testConfig: AppConfig) => fetchMail(db, testConfig, { idleMs: 0 });

async function userWithEmail(role: 'requester' | 'agent', email: string) {
  const user = await createTestUser(db, { role });
  await rows(sql`update users set email = ${email}, display_name = ${`Named ${role}`} where id = ${user.id}`);
  return actorFor({ ...user, email });
}

type TicketRow = { id: string; number: number; title: string; description: string; requester_id: string };
const ticketById = async (id: string) =>
  (await rows<TicketRow>(sql`select id, number, title, description, requester_id from tickets where id = ${id}`))[0];
const ticketsOf = (userId: string) =>
  rows<TicketRow>(sql`select id, number, title, description, requester_id from tickets where requester_id = ${userId}`);
const commentsOn = (ticketId: string) =>
  rows<{ body: string; internal: boolean; author_id: string }>(
    sql`select body, internal, author_id from ticket_comments where ticket_id = ${ticketId} order by created_at`,
  );
const inRow = async (messageId: string) =>
  (
    await rows<{ outcome: string; ticket_id: string | null; comment_id: string | null; user_id: string | null }>(
      sql`select outcome, ticket_id, comment_id, user_id from mail_messages where direction = 'in' and message_id = ${messageId}`,
    )
  )[0];

describe('a new mail', () => {
  test('from a known user becomes their ticket, titled without reply noise, and is flagged \\Seen', async () => {
    const { name, config: testConfig } = await mailbox();
    const sender = await userWithEmail('requester', 'Printer.Person@Example.test');
    const messageId = newMessageId();
    await dovecot.deliver(
      await composeMail({
        messageId,
        from: 'Printer Person <printer.person@example.test>',
        subject: 'Fwd: RE: Printer on floor 2 jams',
        text: 'It jams on every second page.\r\nPlease help.',
      }),
      name,
    );
    const [result] = await readMailbox(testConfig);
    assert.equal(result.outcome, 'ticket');
    const ticket = await ticketById(result.ticketId!);
    assert.equal(ticket.requester_id, sender.id);
    assert.equal(ticket.title, 'Printer on floor 2 jams');
    assert.equal(ticket.description, 'It jams on every second page.\nPlease help.');
    assert.deepEqual(await inRow(messageId), {
      outcome: 'ticket',
      ticket_id: ticket.id,
      comment_id: null,
      user_id: sender.id,
    });
    assert.deepEqual(await dovecot.flags(name), [['\\Seen']]);
    const [audit] = await rows<{ ip_address: string; actor_id: string }>(
      sql`select ip_address, actor_id from audit_log where action = 'ticket.create' and target_id = ${ticket.id}`,
    );
    assert.deepEqual(audit, { ip_address: 'mail', actor_id: sender.id });
  });

  test('from an unknown sender makes a requester account without a password, audited as made by mail', async () => {
    const { name, config: testConfig } = await mailbox();
    await dovecot.deliver(
      await composeMail({ from: '"Dana New" <dana.new@elsewhere.test>', subject: 'Need a laptop', text: 'Hello' }),
      name,
    );
    const [result] = await readMailbox(testConfig);
    assert.equal(result.outcome, 'ticket');
    const [user] = await rows<{
      id: string;
      username: string;
      display_name: string;
      role: string;
      password_hash: string;
    }>(sql`select id, username, display_name, role, password_hash from users where email = 'dana.new@elsewhere.test'`);
    assert.deepEqual(
      { ...user, id: undefined },
      {
        id: undefined,
        username: 'dana.new@elsewhere.test',
        display_name: 'Dana New',
        role: 'requester',
        password_hash: '',
      },
    );
    assert.equal((await ticketById(result.ticketId!)).requester_id, user.id);
    const [audit] = await rows<{ ip_address: string; actor_id: string | null }>(
      sql`select ip_address, actor_id from audit_log where action = 'user.create' and target_id = ${user.id}`,
    );
    assert.deepEqual(audit, { ip_address: 'mail', actor_id: null });

    // A second unknown sender whose address is taken as a username gets a username of its own.
    await rows(sql`update users set email = null where id = ${user.id}`);
    await dovecot.deliver(
      await composeMail({ from: 'dana.new@elsewhere.test', subject: 'Again', text: 'Hello again' }),
      name,
    );
    const [second] = await readMailbox(testConfig);
    const [other] = await rows<{ username: string }>(
      sql`select u.username from users u join tickets t on t.requester_id = u.id where t.id = ${second.ticketId}`,
    );
    assert.equal(other.username, 'dana.new@elsewhere.test-2');
  });

  test('from an unknown sender with MAIL_UNKNOWN_SENDERS=reject stays unread and makes nothing, once recorded', async () => {
    const { name, config: testConfig } = await mailbox({ unknownSenders: 'reject' });
    const messageId = newMessageId();
    await dovecot.deliver(
      await composeMail({ messageId, from: 'stranger@elsewhere.test', subject: 'Let me in', text: 'Hi' }),
      name,
    );
    const [first] = await readMailbox(testConfig);
    assert.equal(first.outcome, 'unknown_sender');
    // Recorded once: later passes see from its envelope that the sender is still unknown.
    assert.deepEqual(await readMailbox(testConfig), []);
    assert.deepEqual(await dovecot.flags(name), [[]]);
    assert.equal((await inRow(messageId)).outcome, 'unknown_sender');
    assert.deepEqual(await rows(sql`select id from users where email = 'stranger@elsewhere.test'`), []);

    // Once an admin gives the sender an account, the mail left in the mailbox becomes their ticket.
    const known = await userWithEmail('requester', 'stranger@elsewhere.test');
    const [third] = await readMailbox(testConfig);
    assert.equal(third.outcome, 'ticket');
    assert.equal((await ticketById(third.ticketId!)).requester_id, known.id);
    assert.deepEqual(await dovecot.flags(name), [['\\Seen']]);
  });

  test('from a disabled account makes nothing, and no second account', async () => {
    const { name, config: testConfig } = await mailbox();
    const disabled = await userWithEmail('requester', 'gone@example.test');
    await rows(sql`update users set active = false where id = ${disabled.id}`);
    await dovecot.deliver(await composeMail({ from: 'gone@example.test', subject: 'Still here?', text: 'x' }), name);
    const [result] = await readMailbox(testConfig);
    assert.equal(result.outcome, 'sender_disabled');
    assert.deepEqual(await ticketsOf(disabled.id), []);
    assert.deepEqual(
      await rows(sql`select id from users where email = 'gone@example.test' and id <> ${disabled.id}`),
      [],
    );
    assert.deepEqual(await dovecot.flags(name), [['\\Seen']]);
  });

  test('with control characters and an over-long subject is cleaned, not refused', async () => {
    const { name, config: testConfig } = await mailbox();
    await dovecot.deliver(
      await composeMail({
        from: 'cleaner@elsewhere.test',
        subject: `Bell\u0007 in ${'very '.repeat(60)}long subject`,
        text: `Line one\u0000\u001b[31m\nLine two\ttabbed`,
      }),
      name,
    );
    const [result] = await readMailbox(testConfig);
    assert.equal(result.outcome, 'ticket');
    const ticket = await ticketById(result.ticketId!);
    assert.ok(ticket.title.startsWith('Bell in very very'));
    assert.equal(ticket.title.length, 200);
    assert.equal(ticket.description, 'Line one[31m\nLine two\ttabbed');
  });
});

describe('never twice', () => {
  test('the same Message-ID delivered twice makes one ticket; both copies are flagged', async () => {
    const { name, config: testConfig } = await mailbox();
    const sender = await userWithEmail('requester', 'twice@example.test');
    const raw = await composeMail({ from: 'twice@example.test', subject: 'Only once', text: 'Once' });
    await dovecot.deliver(raw, name);
    await dovecot.deliver(raw, name);
    const results = await readMailbox(testConfig);
    assert.deepEqual(
      results.map((result) => result.outcome),
      ['ticket', 'duplicate'],
    );
    assert.equal((await ticketsOf(sender.id)).length, 1);
    assert.deepEqual(await dovecot.flags(name), [['\\Seen'], ['\\Seen']]);
  });

  test('a crash after the commit and before the flag: the next pass only flags it', async () => {
    const { name, config: testConfig } = await mailbox();
    const sender = await userWithEmail('requester', 'crash@example.test');
    const raw = await composeMail({ from: 'crash@example.test', subject: 'Crash test', text: 'Body' });
    await dovecot.deliver(raw, name);
    // The transaction commits, then the process dies before it reaches the mailbox.
    const committed = await processIncomingMail(db, raw, { ownAddress: null, unknownSenders: 'create' });
    assert.equal(committed.outcome, 'ticket');
    assert.deepEqual(await dovecot.flags(name), [[]]);
    const [result] = await readMailbox(testConfig);
    assert.equal(result.outcome, 'duplicate');
    assert.equal((await ticketsOf(sender.id)).length, 1);
    assert.deepEqual(await dovecot.flags(name), [['\\Seen']]);
  });

  test('a mail without a Message-ID gets a stable one from its bytes', async () => {
    const { name, config: testConfig } = await mailbox();
    const sender = await userWithEmail('requester', 'noid@example.test');
    const raw = 'From: noid@example.test\r\nTo: helpdesk@example.test\r\nSubject: No id\r\n\r\nNo Message-ID here.\r\n';
    await dovecot.deliver(raw, name);
    await dovecot.deliver(raw, name);
    const results = await readMailbox(testConfig);
    assert.deepEqual(
      results.map((result) => result.outcome),
      ['ticket', 'duplicate'],
    );
    assert.match(results[0].messageId, /^<sha256-[0-9a-f]{64}@no-message-id\.invalid>$/);
    assert.equal((await ticketsOf(sender.id)).length, 1);
  });
});

describe('never a loop', () => {
  test('auto-replies, bulk mail, bounces and our own mail make nothing and are recorded with why', async () => {
    const { name, config: testConfig } = await mailbox();
    const cases = [
      { from: 'vacation@example.test', headers: { 'Auto-Submitted': 'auto-replied' }, outcome: 'auto_submitted' },
      { from: 'list@example.test', headers: { Precedence: 'bulk' }, outcome: 'bulk' },
      { from: 'news@example.test', headers: { Precedence: 'list' }, outcome: 'bulk' },
      { from: 'MAILER-DAEMON@mx.example.test', headers: {}, outcome: 'mailer_daemon' },
      { from: 'postmaster@example.test', headers: {}, outcome: 'mailer_daemon' },
      { from: 'Helpdesk <HELPDESK@example.test>', headers: {}, outcome: 'own_address' },
    ];
    const ids: string[] = [];
    for (const item of cases) {
      const messageId = newMessageId('loop');
      ids.push(messageId);
      await dovecot.deliver(
        await composeMail({ messageId, from: item.from, headers: item.headers, subject: 'Out of office', text: 'x' }),
        name,
      );
    }
    const before = await rows<{ count: number }>(sql`select count(*)::int as count from tickets`);
    const results = await readMailbox(testConfig);
    assert.deepEqual(
      results.map((result) => result.outcome),
      cases.map((item) => item.outcome),
    );
    assert.deepEqual(await rows<{ count: number }>(sql`select count(*)::int as count from tickets`), before);
    for (const [index, messageId] of ids.entries())
      assert.equal((await inRow(messageId)).outcome, cases[index].outcome);
    assert.equal((await dovecot.flags(name)).filter((flags) => flags.includes('\\Seen')).length, cases.length);
  });

  test('Auto-Submitted: no is a person writing, and makes a ticket', async () => {
    const { name, config: testConfig } = await mailbox();
    await dovecot.deliver(
      await composeMail({
        from: 'person@elsewhere.test',
        headers: { 'Auto-Submitted': 'no' },
        subject: 'Hi',
        text: 'x',
      }),
      name,
    );
    assert.equal((await readMailbox(testConfig))[0].outcome, 'ticket');
  });
});

describe('a reply', () => {
  const quoted = [
    'Yes, it works again now.',
    '',
    '-- ',
    'Robin, Accounting',
    '',
    'On Mon, 1 Dec 2026 at 10:00, IT Helpdesk <helpdesk@example.test> wrote:',
    '> Please restart the printer.',
  ].join('\r\n');

  test('matched by In-Reply-To to a mail we sent lands on that ticket, quotes and signature stripped', async () => {
    const { name, config: testConfig } = await mailbox();
    const requester = await userWithEmail('requester', 'robin@example.test');
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'Printer' }));
    const sentId = newMessageId('out');
    await db
      .insert(mailMessages)
      .values({ direction: 'out', messageId: sentId, ticketId: ticket.id, userId: requester.id, outcome: 'reply' });
    await dovecot.deliver(
      await composeMail({
        from: 'robin@example.test',
        subject: 'Re: Printer',
        inReplyTo: sentId,
        references: [newMessageId('older'), sentId],
        text: quoted,
      }),
      name,
    );
    const [result] = await readMailbox(testConfig);
    assert.equal(result.outcome, 'reply');
    assert.equal(result.ticketId, ticket.id);
    assert.deepEqual(await commentsOn(ticket.id), [
      { body: 'Yes, it works again now.', internal: false, author_id: requester.id },
    ]);
    assert.equal((await inRow(result.messageId)).comment_id, result.commentId);
  });

  test('matched by [T-…] in the subject lands on that ticket, for its requester and for an agent', async () => {
    const { name, config: testConfig } = await mailbox();
    const requester = await userWithEmail('requester', 'sam@example.test');
    const agent = await userWithEmail('agent', 'agent.kim@example.test');
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'VPN' }));
    for (const from of ['sam@example.test', 'agent.kim@example.test'])
      await dovecot.deliver(
        await composeMail({ from, subject: `RE: [T-${ticket.number}] VPN`, text: `From ${from}\r\n\r\n> old` }),
        name,
      );
    const results = await readMailbox(testConfig);
    assert.deepEqual(
      results.map((result) => [result.outcome, result.ticketId]),
      [
        ['reply', ticket.id],
        ['reply', ticket.id],
      ],
    );
    assert.deepEqual(
      (await commentsOn(ticket.id)).map((comment) => [comment.body, comment.author_id]),
      [
        ['From sam@example.test', requester.id],
        ['From agent.kim@example.test', agent.id],
      ],
    );
  });

  test('from someone who may not see the ticket opens a new ticket of theirs, never a comment on it', async () => {
    const { name, config: testConfig } = await mailbox();
    const owner = await userWithEmail('requester', 'owner@example.test');
    const outsider = await userWithEmail('requester', 'outsider@example.test');
    const ticket = await db.transaction((tx) => createTicket(tx, owner, { title: 'Private' }));
    const sentId = newMessageId('out');
    await db
      .insert(mailMessages)
      .values({ direction: 'out', messageId: sentId, ticketId: ticket.id, userId: owner.id, outcome: 'reply' });
    await dovecot.deliver(
      await composeMail({
        from: 'outsider@example.test',
        subject: `Re: [T-${ticket.number}] Private`,
        inReplyTo: sentId,
        text: 'Me too',
      }),
      name,
    );
    const [result] = await readMailbox(testConfig);
    assert.equal(result.outcome, 'ticket');
    assert.notEqual(result.ticketId, ticket.id);
    assert.equal((await ticketById(result.ticketId!)).requester_id, outsider.id);
    assert.equal((await ticketById(result.ticketId!)).title, 'Private');
    assert.deepEqual(await commentsOn(ticket.id), []);
  });
});

describe('content', () => {
  test('an HTML-only mail becomes its text, without markup or script', async () => {
    const { name, config: testConfig } = await mailbox();
    await dovecot.deliver(
      await composeMail({
        from: 'html@elsewhere.test',
        subject: 'HTML only',
        html: '<p>The <b>monitor</b> flickers.</p><script>alert("x")</script><img src=x onerror="alert(1)"><p>Since Monday.</p>',
      }),
      name,
    );
    const [result] = await readMailbox(testConfig);
    const { description } = await ticketById(result.ticketId!);
    assert.match(description, /The monitor flickers\./);
    assert.match(description, /Since Monday\./);
    assert.doesNotMatch(description, /<|alert|script|onerror/);
  });

  test('attachments are stored on the ticket; one over the limit is skipped with a note saying so', async () => {
    const { name, config: testConfig } = await mailbox();
    const small = Buffer.from('%PDF-1.4 small invoice');
    await dovecot.deliver(
      await composeMail({
        from: 'files@elsewhere.test',
        subject: 'Files',
        text: 'See attached.',
        attachments: [
          { filename: 'invoice.pdf', content: small, contentType: 'application/pdf' },
          { filename: 'huge.bin', content: Buffer.alloc(5000, 7), contentType: 'application/octet-stream' },
        ],
      }),
      name,
    );
    const [result] = await readMailbox(testConfig);
    const stored = await rows<{ filename: string; content_type: string; byte_size: number; comment_id: string | null }>(
      sql`select filename, content_type, byte_size, comment_id from ticket_attachments where ticket_id = ${result.ticketId}`,
    );
    assert.deepEqual(stored, [
      { filename: 'invoice.pdf', content_type: 'application/pdf', byte_size: small.length, comment_id: null },
    ]);
    const { description } = await ticketById(result.ticketId!);
    assert.match(
      description,
      /^See attached\.\n\n\[Attachment "huge\.bin" \(\d+ MB\) was not kept: files may be at most \d+ MB\.\]$/,
    );
  });

  test("a reply's attachment is stored on its comment", async () => {
    const { name, config: testConfig } = await mailbox();
    const requester = await userWithEmail('requester', 'replyfile@example.test');
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'Screenshot' }));
    await dovecot.deliver(
      await composeMail({
        from: 'replyfile@example.test',
        subject: `[T-${ticket.number}] Screenshot`,
        text: 'Here it is',
        attachments: [{ filename: 'screen.png', content: Buffer.from('not really a png'), contentType: 'image/png' }],
      }),
      name,
    );
    const [result] = await readMailbox(testConfig);
    const stored = await rows<{ filename: string; comment_id: string }>(
      sql`select filename, comment_id from ticket_attachments where ticket_id = ${ticket.id}`,
    );
    assert.deepEqual(stored, [{ filename: 'screen.png', comment_id: result.commentId }]);
  });
});

describe('the mailbox', () => {
  test('with IMAP_PROCESSED_FOLDER, processed mail is moved there (made when missing), never deleted', async () => {
    const { name, config: testConfig } = await mailbox({ processedFolder: 'Processed' });
    await dovecot.deliver(await composeMail({ from: 'mover@elsewhere.test', subject: 'Move me', text: 'x' }), name);
    const [result] = await readMailbox(testConfig);
    assert.equal(result.outcome, 'ticket');
    assert.deepEqual(await dovecot.flags(name), []);
    assert.deepEqual(await dovecot.flags('Processed'), [['\\Seen']]);
  });

  test('new mail arriving while the job waits is handled at once through IDLE', async () => {
    const { name, config: testConfig } = await mailbox();
    const stop = new AbortController();
    // Waits far longer than the test allows for the ticket below: only IDLE can wake it in time.
    const reading = fetchMail(db, testConfig, { idleMs: 120_000, signal: stop.signal });
    await sleep(2_000);
    const subject = `Arrived during IDLE ${newMessageId()}`;
    await dovecot.deliver(await composeMail({ from: 'idle@elsewhere.test', subject, text: 'x' }), name);
    let made: { id: string }[] = [];
    for (let tries = 0; tries < 100 && made.length === 0; tries += 1) {
      await sleep(200);
      made = await rows<{ id: string }>(sql`select id from tickets where title = ${subject}`);
    }
    stop.abort();
    const results = await reading;
    assert.equal(made.length, 1);
    assert.deepEqual(
      results.map((result) => [result.outcome, result.ticketId]),
      [['ticket', made[0].id]],
    );
  });

  test('an unreachable server or a refused login fails the pass with a clear error, without the password', async () => {
    const down = { ...config, mail: { ...config.mail, imapUrl: 'imap://helpdesk:s3cret-pw@127.0.0.1:1/INBOX' } };
    await assert.rejects(readMailbox(down), (error: Error) => {
      assert.match(
        error.message,
        /^Could not connect to the IMAP server helpdesk on imap:\/\/127\.0\.0\.1:1 \(INBOX\): /,
      );
      assert.doesNotMatch(error.message, /s3cret-pw/);
      return true;
    });
    const wrong = { ...config, mail: { ...config.mail, imapUrl: dovecot.url().replace(dovecot.password, 'wrong-pw') } };
    await assert.rejects(readMailbox(wrong), (error: Error) => {
      assert.match(
        error.message,
        /^The IMAP server refused the login of helpdesk on imap:\/\/127\.0\.0\.1:\d+ \(INBOX\)/,
      );
      assert.doesNotMatch(error.message, /wrong-pw/);
      return true;
    });
  });
});
