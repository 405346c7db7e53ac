import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ticketMail, type TicketMailFacts } from '../../lib/mail/outgoing/ticket-mails';

const facts: TicketMailFacts = {
  reference: 'T-1001',
  title: 'VPN drops',
  description: 'Every hour',
  link: 'https://it.example.test/tickets/1',
  recipientName: 'Ada',
  actorName: 'Grace',
  requesterName: 'Robin',
  comment: 'Ada, can you look at the firewall log?',
  internalNote: true,
  repliesByMail: true,
};

test('a mention in an internal note warns that a mailed answer is public only where replies by mail are read', () => {
  const text = (repliesByMail: boolean) => ticketMail('mentioned', { ...facts, repliesByMail }).paragraphs.join('\n');
  assert.match(text(true), /answer on the ticket page, since a reply to this mail is added as a public reply\./);
  assert.match(text(false), /Only staff see it; answer on the ticket page\./);
  assert.doesNotMatch(text(false), /reply to this mail/);
});
