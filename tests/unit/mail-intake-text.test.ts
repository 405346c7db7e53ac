import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import {
  bareAddress,
  cleanMessageId,
  loopReason,
  messageIdOf,
  referencedMessageIds,
  senderOf,
} from '../../lib/mail/incoming/mail-headers';
import {
  cleanMultiLineText,
  cleanSingleLineText,
  subjectTicketNumber,
  titleFromSubject,
} from '../../lib/mail/incoming/mail-text';
import { usernameFor } from '../../lib/mail/incoming/sender';

const parse = (headers: string, body = 'x') => simpleParser(Buffer.from(`${headers}\r\n\r\n${body}\r\n`));

test('a title drops Re:/Fwd:/AW: prefixes and ticket references, and is never empty', () => {
  assert.equal(titleFromSubject('Re: RE: Fwd: [T-1001] Printer jams', 200), 'Printer jams');
  assert.equal(titleFromSubject('AW: WG: Drucker', 200), 'Drucker');
  assert.equal(titleFromSubject('Printer [T-1001] jams', 200), 'Printer jams');
  assert.equal(titleFromSubject('Re: Relay board', 200), 'Relay board');
  assert.equal(titleFromSubject('Re:', 200), '(no subject)');
  assert.equal(titleFromSubject(undefined, 200), '(no subject)');
  assert.equal(titleFromSubject('x'.repeat(300), 200).length, 200);
});

test('[T-…] in a subject names a ticket number', () => {
  assert.equal(subjectTicketNumber('Re: [T-1042] VPN'), 1042);
  assert.equal(subjectTicketNumber('[t-7] lower'), 7);
  assert.equal(subjectTicketNumber('T-1042 without brackets'), null);
  assert.equal(subjectTicketNumber(undefined), null);
});

test('text is cleaned of control characters and cut with a note, never refused', () => {
  assert.equal(cleanMultiLineText('a\r\nb\u0000c\u0007\td\re', 100), 'a\nbc\td\ne');
  const cut = cleanMultiLineText('y'.repeat(500), 100);
  assert.equal(cut.length <= 100, true);
  assert.match(cut, /\[The mail was longer; the rest was cut\.\]$/);
  assert.equal(cleanSingleLineText(' a\n\tb\u0001 ', 10), 'a b');
});

test('loops: Auto-Submitted other than no, Precedence bulk/junk/list, bounces, our own address', async () => {
  const from = 'From: person@example.test';
  assert.equal(loopReason(await parse(`${from}\r\nAuto-Submitted: auto-replied`), null), 'auto_submitted');
  assert.equal(loopReason(await parse(`${from}\r\nAuto-Submitted: auto-generated`), null), 'auto_submitted');
  assert.equal(loopReason(await parse(`${from}\r\nAuto-Submitted: no`), null), null);
  assert.equal(loopReason(await parse(`${from}\r\nPrecedence: junk`), null), 'bulk');
  assert.equal(loopReason(await parse(`${from}\r\nPrecedence: first-class`), null), null);
  assert.equal(loopReason(await parse('From: Mail Delivery <MAILER-DAEMON@mx.example.test>'), null), 'mailer_daemon');
  assert.equal(loopReason(await parse('From: postmaster@example.test'), null), 'mailer_daemon');
  assert.equal(
    loopReason(await parse('From: Desk <Help@Example.test>'), bareAddress('IT <help@example.test>')),
    'own_address',
  );
  assert.equal(loopReason(await parse(from), 'help@example.test'), null);
});

test('loops: repeated headers, older responders, empty return paths and reports, whoever they claim to be', async () => {
  const from = 'From: person@example.test';
  const reason = async (headers: string) => loopReason(await parse(`${from}\r\n${headers}`), null);
  assert.equal(await reason('Auto-Submitted: no\r\nAuto-Submitted: auto-replied'), 'auto_submitted');
  assert.equal(await reason('X-Autoreply: yes'), 'auto_submitted');
  assert.equal(await reason('X-Autorespond: Out of office'), 'auto_submitted');
  assert.equal(await reason('Precedence: auto_reply'), 'auto_submitted');
  assert.equal(await reason('Precedence: bulk (list)'), 'bulk');
  assert.equal(await reason('Return-Path: <>'), 'mailer_daemon');
  assert.equal(await reason('Return-Path: <person@example.test>'), null);
  const report =
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r\n\r\n--b\r\n\r\nx\r\n--b--';
  assert.equal(
    loopReason(await parse(`From: MicrosoftExchange329e71ec@corp.example.test\r\n${report}`), null),
    'mailer_daemon',
  );
});

test('an address longer than RFC 5321 allows is no sender: it could not be answered or found again', async () => {
  assert.equal(senderOf(await parse(`From: ${'a'.repeat(250)}@example.test`)), null);
  assert.deepEqual(senderOf(await parse('From: Robin <Robin@Example.test>')), {
    address: 'robin@example.test',
    name: 'Robin',
  });
});

test('a From that is not one mailbox is no sender: a list in brackets would have every answer go to each', async () => {
  const list = await parse('From: Someone <attacker@evil.test,victim@corp.test>');
  assert.equal(list.from?.value[0].address, 'attacker@evil.test,victim@corp.test');
  assert.equal(senderOf(list), null);
  assert.equal(senderOf(await parse('From: Someone <attacker@evil.test;victim@corp.test>')), null);
  assert.equal(senderOf(await parse('From: "a b"@example.test')), null);
});

test('Message-IDs are stored without control characters, always in angle brackets', async () => {
  const withNul = await parse('From: a@example.test\r\nMessage-ID: <=?utf-8?Q?a=00b?=@example.test>');
  assert.equal(messageIdOf(withNul, Buffer.from('x')), '<ab@example.test>');
  const bare = await parse('From: a@example.test\r\nMessage-ID: plain@example.test');
  assert.equal(messageIdOf(bare, Buffer.from('x')), '<plain@example.test>');
  assert.equal(cleanMessageId(' plain@example.test '), '<plain@example.test>');
  assert.equal(cleanMessageId('<\u0000>'), null);
  const reply = await parse('From: a@example.test\r\nReferences: <=?utf-8?Q?1=00?=@x> <2@x>');
  assert.deepEqual(referencedMessageIds(reply), ['<2@x>', '<1@x>']);
});

test('Message-IDs: the given one, or a stable one from the bytes; references newest first', async () => {
  const mail = await parse('From: a@example.test\r\nMessage-ID: <abc@example.test>');
  assert.equal(messageIdOf(mail, Buffer.from('x')), '<abc@example.test>');
  const raw = Buffer.from('From: a@example.test\r\n\r\nno id\r\n');
  const withoutId = await simpleParser(raw);
  assert.equal(messageIdOf(withoutId, raw), messageIdOf(await simpleParser(raw), raw));
  assert.notEqual(messageIdOf(withoutId, raw), messageIdOf(withoutId, Buffer.from('other')));
  const reply = await parse('From: a@example.test\r\nIn-Reply-To: <3@x>\r\nReferences: <1@x> <2@x> <3@x>');
  assert.deepEqual(referencedMessageIds(reply), ['<3@x>', '<2@x>', '<1@x>']);
});

test('a username from an address: the address itself when valid, else its cleaned local part', () => {
  assert.equal(usernameFor('dana@example.test'), 'dana@example.test');
  assert.equal(usernameFor('o+tag@example.test'), 'o-tag');
  assert.equal(usernameFor(`${'a'.repeat(70)}@example.test`).length <= 64, true);
  assert.equal(usernameFor('_@example.test'), 'mail-user');
});
