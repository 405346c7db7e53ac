import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { essentialKindsFor, optionalKindsFor } from '../../lib/mail/outgoing/kinds';
import { planNotifications, type Candidate } from '../../lib/mail/outgoing/recipients';

const person = (id: string, role: Candidate['role'], extra: Partial<Candidate> = {}): Candidate => ({
  id,
  role,
  active: true,
  email: `${id}@example.test`,
  notifyUnassigned: true,
  optOuts: [],
  ...extra,
});

const requester = person('req', 'requester');
const agent = person('agent', 'agent');
const ticket = { id: 't1', requesterId: 'req', assigneeId: 'agent' };
const plan = (...args: Parameters<typeof planNotifications>) =>
  planNotifications(...args).map(({ recipient, kind }) => `${recipient.id}:${kind}`);

describe('planNotifications', () => {
  test('a requester never hears about a ticket they cannot see, even when named on it', () => {
    const stranger = person('stranger', 'requester');
    const event = { type: 'updated' as const, ticket, assignee: { from: 'agent', to: 'stranger' } };
    assert.deepEqual(plan(event, 'agent', [requester, agent, stranger]), []);
  });

  test('the receipt reaches the requester who opened the ticket; nothing else reaches its author', () => {
    const created = { type: 'created' as const, ticket: { ...ticket, assigneeId: null } };
    assert.deepEqual(plan(created, 'req', [requester, agent]), ['req:ticket_received', 'agent:new_unassigned']);
    assert.deepEqual(plan(created, 'agent', [requester, agent]), ['req:ticket_received']);
    const reply = { type: 'commented' as const, ticket, comment: { id: 'c1', internal: false } };
    assert.deepEqual(plan(reply, 'req', [requester, agent]), ['agent:requester_reply']);
    assert.deepEqual(plan({ ...reply, comment: { id: 'c2', internal: true } }, 'agent', [requester, agent]), []);
  });

  test('an essential kind ignores an opt-out; an optional one respects it', () => {
    const choosy = person('req', 'requester', { optOuts: ['public_reply', 'ticket_closed'] });
    const reply = { type: 'commented' as const, ticket, comment: { id: 'c1', internal: false } };
    assert.deepEqual(plan(reply, 'agent', [choosy, agent]), ['req:public_reply']);
    const closed = { type: 'updated' as const, ticket, status: { from: 'open', to: 'closed' } };
    assert.deepEqual(plan(closed, 'agent', [choosy, agent]), []);
  });

  test('requesters may turn off only requester mails; essential ones are listed apart', () => {
    assert.deepEqual(optionalKindsFor(false), ['ticket_received', 'ticket_resolved', 'ticket_closed']);
    assert.deepEqual(essentialKindsFor(false), ['public_reply']);
    assert.deepEqual(essentialKindsFor(true), ['public_reply', 'ticket_assigned', 'ticket_reopened', 'sla_breach']);
    assert.ok(optionalKindsFor(true).includes('mentioned'));
    assert.ok(!optionalKindsFor(false).includes('mentioned'));
  });

  test("a reply that reopens the ticket tells the assignee that, instead of a plain requester's reply", () => {
    const reply = { type: 'commented' as const, ticket, comment: { id: 'c1', internal: false, reopened: true } };
    assert.deepEqual(plan(reply, 'req', [requester, agent]), ['agent:ticket_reopened']);
  });

  test('a mention reaches staff only, also from an internal note, and adds no second mail', () => {
    const admin = person('admin', 'admin');
    const note = {
      type: 'commented' as const,
      ticket,
      comment: { id: 'c1', internal: true },
      mentioned: ['admin', 'req', 'agent'],
    };
    assert.deepEqual(plan(note, 'agent', [requester, agent, admin]), ['admin:mentioned']);
    const reply = { ...note, comment: { id: 'c2', internal: false } };
    assert.deepEqual(plan(reply, 'req', [requester, agent, admin]), ['agent:requester_reply', 'admin:mentioned']);
  });
});
