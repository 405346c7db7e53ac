// New mails, never twice, never a loop: tickets by email against Debian's Dovecot, on PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { processIncomingMail } from '../../lib/mail/incoming/process-message';
import { setUpMailIntake } from '../support/mail-intake';
import { composeMail, newMessageId } from '../support/mail-messages';

const { dovecot, db, rows, mailbox, readMailbox, userWithEmail, ticketById, ticketsOf, inRow } =
  await setUpMailIntake();

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

  test('a Message-ID hiding a NUL makes its ticket once, under the id without it', async () => {
    const { name, config: testConfig } = await mailbox();
    const sender = await userWithEmail('requester', 'nulid@example.test');
    const raw = [
      'From: nulid@example.test',
      'To: helpdesk@example.test',
      'Subject: Odd id',
      'Message-ID: <=?utf-8?Q?nul=00id?=@example.test>',
      '',
      'Body',
      '',
    ].join('\r\n');
    await dovecot.deliver(raw, name);
    await dovecot.deliver(raw, name);
    const results = await readMailbox(testConfig);
    assert.deepEqual(
      results.map((result) => [result.outcome, result.messageId]),
      [
        ['ticket', '<nulid@example.test>'],
        ['duplicate', '<nulid@example.test>'],
      ],
    );
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
      { from: 'ooo@example.test', headers: { 'X-Autoreply': 'yes' }, outcome: 'auto_submitted' },
      { from: 'MicrosoftExchange329e@corp.example.test', headers: { 'Return-Path': '<>' }, outcome: 'mailer_daemon' },
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
