// Replies, content and the mailbox: tickets by email against Debian's Dovecot, on PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { mailMessages } from '../../lib/db/schema-mail';
import { fetchMail } from '../../lib/mail/incoming/fetch-mail';
import { createArticle } from '../../lib/kb/mutations';
import { createTicket } from '../../lib/tickets/mutations';
import { sleep } from '../support/test-database';
import { setUpMailIntake } from '../support/mail-intake';
import { composeMail, newMessageId } from '../support/mail-messages';

const { dovecot, db, rows, config, mailbox, readMailbox, userWithEmail, ticketById, commentsOn, inRow } =
  await setUpMailIntake();

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

  test("an agent's mailed reply linking a staff-only article is kept as an internal note that says why", async () => {
    const { name, config: testConfig } = await mailbox();
    const requester = await userWithEmail('requester', 'linkreader@example.test');
    const agent = await userWithEmail('agent', 'agent.link@example.test');
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'Wi-Fi' }));
    const article = await db.transaction((tx) =>
      createArticle(tx, agent, {
        title: 'Controller passwords',
        body: 'Staff only.',
        status: 'published',
        visibility: 'staff',
      }),
    );
    await dovecot.deliver(
      await composeMail({
        from: 'agent.link@example.test',
        subject: `Re: [T-${ticket.number}] Wi-Fi`,
        text: `See https://it.example.test/kb/${article.id} for the fix.`,
      }),
      name,
    );
    const [result] = await readMailbox(testConfig);
    assert.equal(result.outcome, 'reply');
    const [note] = await commentsOn(ticket.id);
    assert.equal(note.internal, true);
    assert.equal(note.author_id, agent.id);
    assert.match(
      note.body,
      /^\[Not sent to the requester: The requester cannot open the article “Controller passwords”/,
    );
    assert.match(note.body, new RegExp(`See https://it\\.example\\.test/kb/${article.id} for the fix\\.$`));
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

  test('past the number of files a form may upload, the rest are left out with a note', async () => {
    const { name, config: testConfig } = await mailbox();
    const attachments = Array.from({ length: 12 }, (_, index) => ({
      filename: `photo-${index + 1}.jpg`,
      content: Buffer.from(`photo ${index + 1}`),
      contentType: 'image/jpeg',
    }));
    await dovecot.deliver(
      await composeMail({ from: 'photos@elsewhere.test', subject: 'Photos', text: 'The damage.', attachments }),
      name,
    );
    const [result] = await readMailbox(testConfig);
    const stored = await rows<{ filename: string }>(
      sql`select filename from ticket_attachments where ticket_id = ${result.ticketId} order by filename`,
    );
    assert.equal(stored.length, 10);
    assert.ok(!stored.some((file) => ['photo-11.jpg', 'photo-12.jpg'].includes(file.filename)));
    const { description } = await ticketById(result.ticketId!);
    assert.equal(description, 'The damage.\n\n[2 more files were not kept: a mail may bring at most 10.]');
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
