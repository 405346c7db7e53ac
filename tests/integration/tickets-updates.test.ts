import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { assets } from '../../lib/db/schema-domain';
import { AppError, staleVersion } from '../../lib/errors';
import { createTicket, updateTicket } from '../../lib/tickets/mutations';
import { getTicket } from '../../lib/tickets/queries';
import { setUserActive } from '../../lib/users/mutations';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, testCommandLine } from '../support/users';

const { db, rows } = await useTestDatabase();

const signedIn = async (role: Actor['role']) =>
  actorFor(await createTestUser(db, { role }), { ipAddress: '192.0.2.61' });

const agent = await signedIn('agent');
const otherAgent = await signedIn('agent');
const requester = await signedIn('requester');

async function newTicket(title = 'Monitor flickers') {
  const created = await db.transaction((tx) => createTicket(tx, requester, { title }));
  return getTicket(db, agent, created.id);
}

const change = (ticket: { id: string; version: number }, fields: Record<string, unknown>, by: Actor = agent) =>
  db.transaction((tx) => updateTicket(tx, by, { ticketId: ticket.id, version: ticket.version, ...fields }));

async function eventsOf(ticketId: string) {
  return rows<{ kind: string; from_value: string | null; to_value: string | null; actor_id: string | null }>(
    sql`select kind, from_value, to_value, actor_id from ticket_events where ticket_id = ${ticketId} order by id`,
  );
}

async function auditOf(ticketId: string) {
  const audit = await rows<{ action: string; actor_id: string; ip_address: string; details: unknown }>(
    sql`select action, actor_id, ip_address, details from audit_log where target_id = ${ticketId} order by id`,
  );
  return audit.map((row) => ({
    ...row,
    details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown>,
  }));
}

describe('two people editing the same ticket', () => {
  test('the second save of the same version is refused with a clear message and changes nothing', async () => {
    const ticket = await newTicket();
    await change(ticket, { priority: 'high' });
    await assert.rejects(change(ticket, { priority: 'low', status: 'pending' }, otherAgent), (error: unknown) => {
      return error instanceof AppError && error.code === 'conflict' && error.message === staleVersion().message;
    });
    const after = await getTicket(db, agent, ticket.id);
    assert.deepEqual([after.priority, after.status, after.version], ['high', 'new', ticket.version + 1]);
    assert.deepEqual(
      (await auditOf(ticket.id)).map((row) => row.action),
      ['ticket.create', 'ticket.update'],
    );
  });

  test('racing at the same moment, exactly one wins', async () => {
    const ticket = await newTicket();
    const results = await Promise.allSettled([
      change(ticket, { priority: 'urgent' }),
      change(ticket, { priority: 'low' }, otherAgent),
    ]);
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
    const after = await getTicket(db, agent, ticket.id);
    assert.equal(after.version, ticket.version + 1);
    assert.equal((await eventsOf(ticket.id)).filter((event) => event.kind === 'priority').length, 1);
  });
});

describe('status transitions', () => {
  test('a refused transition says what is allowed, and nothing changes', async () => {
    const ticket = await newTicket();
    const resolved = await change(ticket, { status: 'resolved' });
    await assert.rejects(
      change({ id: ticket.id, version: resolved.version }, { status: 'pending' }),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.code, 'unprocessable');
        assert.equal(error.message, 'A resolved ticket cannot be set to pending. Allowed: open, closed.');
        assert.deepEqual(Object.keys(error.fields ?? {}), ['status']);
        return true;
      },
    );
    assert.equal((await getTicket(db, agent, ticket.id)).status, 'resolved');
  });

  test('resolvedAt and closedAt are set on the way in and cleared on reopening', async () => {
    let ticket = await newTicket();
    await change(ticket, { status: 'resolved' });
    ticket = await getTicket(db, agent, ticket.id);
    assert.ok(ticket.resolvedAt);
    assert.equal(ticket.closedAt, null);
    const resolvedAt = ticket.resolvedAt;
    await change(ticket, { status: 'closed' });
    ticket = await getTicket(db, agent, ticket.id);
    assert.ok(ticket.closedAt);
    assert.deepEqual(ticket.resolvedAt, resolvedAt, 'closing keeps when it was resolved');
    await change(ticket, { status: 'open' });
    ticket = await getTicket(db, agent, ticket.id);
    assert.deepEqual([ticket.status, ticket.resolvedAt, ticket.closedAt], ['open', null, null]);
  });

  test('a ticket closed without being resolved first counts as resolved when it was closed', async () => {
    let ticket = await newTicket('Duplicate of another');
    await change(ticket, { status: 'closed' });
    ticket = await getTicket(db, agent, ticket.id);
    assert.ok(ticket.closedAt);
    assert.deepEqual(ticket.resolvedAt, ticket.closedAt);
  });

  test('a requester reopens a resolved ticket, but only an agent reopens a closed one', async () => {
    let ticket = await newTicket();
    await change(ticket, { status: 'resolved' });
    ticket = await getTicket(db, requester, ticket.id);
    await change(ticket, { status: 'open' }, requester);
    ticket = await getTicket(db, requester, ticket.id);
    assert.equal(ticket.status, 'open');
    await assert.rejects(
      change(ticket, { status: 'pending' }, requester),
      (error: unknown) => error instanceof AppError && error.code === 'unprocessable',
    );
    await change(ticket, { status: 'closed' }, requester);
    ticket = await getTicket(db, requester, ticket.id);
    await assert.rejects(change(ticket, { status: 'open' }, requester), (error: unknown) => {
      return error instanceof AppError && error.message === 'Only agents can reopen a closed ticket.';
    });
    await change(ticket, { status: 'open' });
    assert.equal((await getTicket(db, agent, ticket.id)).status, 'open');
  });
});

describe('assignment', () => {
  test('taking a new ticket assigns it to me and opens it', async () => {
    const ticket = await newTicket();
    await change(ticket, { assigneeId: agent.id });
    const after = await getTicket(db, agent, ticket.id);
    assert.deepEqual([after.assignee?.id, after.status], [agent.id, 'open']);
    const events = await eventsOf(ticket.id);
    assert.deepEqual(
      events.map((event) => [event.kind, event.from_value, event.to_value]),
      [
        ['created', null, 'new'],
        ['status', 'new', 'open'],
        ['assignee', null, agent.id],
      ],
    );
  });

  test('only an active agent or admin can be the assignee', async () => {
    const ticket = await newTicket();
    const gone = await createTestUser(db, { role: 'agent' });
    await db.transaction((tx) => setUserActive(tx, testCommandLine, { userId: gone.id, active: false }));
    for (const assigneeId of [requester.id, gone.id, '00000000-0000-4000-8000-000000000000']) {
      await assert.rejects(change(ticket, { assigneeId }), (error: unknown) => {
        return error instanceof AppError && error.fields?.assigneeId === 'Choose an active agent or admin.';
      });
    }
    assert.equal((await getTicket(db, agent, ticket.id)).assignee, null);
  });
});

describe('the record of a change', () => {
  test('one event per changed field and one audit row with every change from → to; updatedAt moves', async () => {
    const ticket = await newTicket('Old title');
    const [asset] = await db.insert(assets).values({ assetTag: 'UPD-1', name: 'Dock' }).returning({ id: assets.id });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const result = await change(ticket, {
      status: 'pending',
      priority: 'urgent',
      category: 'Hardware',
      title: 'New title',
      assigneeId: otherAgent.id,
      assetIds: [asset.id],
      description: ticket.description,
    });
    assert.equal(result.changed, true);
    const after = await getTicket(db, agent, ticket.id);
    assert.ok(after.updatedAt > ticket.updatedAt);
    assert.equal(after.version, ticket.version + 1);

    const events = (await eventsOf(ticket.id)).slice(1);
    assert.deepEqual(
      events.map((event) => [event.kind, event.from_value, event.to_value]),
      [
        ['status', 'new', 'pending'],
        ['assignee', null, otherAgent.id],
        ['priority', 'normal', 'urgent'],
        ['category', 'General', 'Hardware'],
        ['title', 'Old title', 'New title'],
        ['link_asset', null, asset.id],
      ],
    );
    assert.ok(events.every((event) => event.actor_id === agent.id));

    const audit = await auditOf(ticket.id);
    assert.deepEqual(
      audit.map((row) => row.action),
      ['ticket.create', 'ticket.update'],
    );
    assert.deepEqual([audit[1].actor_id, audit[1].ip_address], [agent.id, '192.0.2.61']);
    assert.deepEqual(audit[1].details.changes, {
      status: { from: 'new', to: 'pending' },
      assigneeId: { from: null, to: otherAgent.id },
      priority: { from: 'normal', to: 'urgent' },
      category: { from: 'General', to: 'Hardware' },
      title: { from: 'Old title', to: 'New title' },
      assetIds: { from: [], to: [asset.id] },
    });

    await change(after, { assetIds: [] });
    assert.deepEqual((await eventsOf(ticket.id)).at(-1), {
      kind: 'unlink_asset',
      from_value: asset.id,
      to_value: null,
      actor_id: agent.id,
    });
  });

  test('saving without a difference writes nothing and keeps the version', async () => {
    const ticket = await newTicket();
    const result = await change(ticket, { status: 'new', priority: 'normal', category: 'General' });
    assert.equal(result.changed, false);
    assert.equal((await getTicket(db, agent, ticket.id)).version, ticket.version);
    assert.deepEqual(
      (await auditOf(ticket.id)).map((row) => row.action),
      ['ticket.create'],
    );
  });

  test('a description sent back by a browser form (CRLF line breaks) is not a change', async () => {
    const created = await db.transaction((tx) =>
      createTicket(tx, requester, { title: 'Two lines', description: 'line one\nline two' }),
    );
    const ticket = await getTicket(db, agent, created.id);
    const result = await change(ticket, { description: 'line one\r\nline two', title: 'Two lines' });
    assert.equal(result.changed, false);
    assert.deepEqual(
      (await eventsOf(ticket.id)).map((event) => event.kind),
      ['created'],
    );
  });

  test('creating a ticket records a "created" event and a ticket.create audit row', async () => {
    const ticket = await newTicket('Audit me');
    assert.deepEqual(
      (await eventsOf(ticket.id)).map((event) => event.kind),
      ['created'],
    );
    const [audit] = await auditOf(ticket.id);
    assert.equal(audit.action, 'ticket.create');
    assert.equal(audit.actor_id, requester.id);
    assert.equal(audit.details.reference, ticket.reference);
    assert.match(ticket.reference, /^T-\d{4,}$/);
  });
});
