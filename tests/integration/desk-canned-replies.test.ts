import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  cannedRepliesForTicket,
  createCannedReply,
  listCannedReplies,
  removeCannedReply,
  updateCannedReply,
} from '../../lib/canned-replies/replies';
import { users } from '../../lib/db/schema';
import { AppError } from '../../lib/errors';
import { createTicket } from '../../lib/tickets/mutations';
import { ticketReference } from '../../lib/tickets/rules';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// Canned replies (lib/canned-replies): shared ones kept by admins and read by all staff, personal
// ones by their owner alone, placeholders filled for one ticket, unknown ones refused on saving.

const { db } = await useTestDatabase();

const admin = actorFor(await createTestUser(db, { role: 'admin' }));
const agent = actorFor(await createTestUser(db, { role: 'agent' }), { displayName: 'Grace Agent' });
const otherAgent = actorFor(await createTestUser(db, { role: 'agent' }));
const requester = actorFor(await createTestUser(db, { role: 'requester' }));
await db.update(users).set({ displayName: 'Ada Requester' }).where(eq(users.id, requester.id));

const refusedWith = (code: string, field?: string, text?: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code, error.message);
  if (field) assert.ok(error.fields?.[field], `expected a message for ${field}`);
  if (text) assert.match(error.message, new RegExp(text));
  return true;
};

const create = (actor: typeof agent, input: { title: string; body: string; shared?: boolean }) =>
  db.transaction((tx) => createCannedReply(tx, actor, input));

describe('canned replies', () => {
  test('admins share replies; agents keep personal ones; requesters have none', async () => {
    const shared = await create(admin, { title: 'Welcome', body: 'Hello {{requester.name}}', shared: true });
    const mine = await create(agent, { title: 'Reboot', body: 'Please restart, {{requester.name}}.' });
    await create(otherAgent, { title: 'Not yours', body: 'Private' });
    await assert.rejects(create(agent, { title: 'Shared?', body: 'x', shared: true }), refusedWith('forbidden'));
    await assert.rejects(create(requester, { title: 'Mine', body: 'x' }), refusedWith('not_found'));
    await assert.rejects(listCannedReplies(db, requester), refusedWith('not_found'));

    const seen = await listCannedReplies(db, agent);
    assert.deepEqual(
      seen.map((reply) => [reply.id, reply.shared, reply.editable]),
      [
        [shared.id, true, false],
        [mine.id, false, true],
      ],
    );
    assert.equal((await listCannedReplies(db, admin)).find((reply) => reply.id === shared.id)?.editable, true);

    // Someone else's personal reply is not found; a shared one is the admins' to change.
    await assert.rejects(
      db.transaction((tx) => removeCannedReply(tx, otherAgent, { id: mine.id })),
      refusedWith('not_found'),
    );
    await assert.rejects(
      db.transaction((tx) => updateCannedReply(tx, agent, { id: shared.id, version: 1, title: 'x', body: 'x' })),
      refusedWith('forbidden'),
    );
    const { version } = await db.transaction((tx) =>
      updateCannedReply(tx, agent, { id: mine.id, version: 1, title: 'Restart', body: 'Restart please.' }),
    );
    assert.equal(version, 2);
    await assert.rejects(
      db.transaction((tx) => updateCannedReply(tx, agent, { id: mine.id, version: 1, title: 'Old', body: 'Old' })),
      refusedWith('conflict'),
    );
    await db.transaction((tx) => removeCannedReply(tx, admin, { id: shared.id }));
    assert.ok(!(await listCannedReplies(db, agent)).some((reply) => reply.id === shared.id));
  });

  test('an unknown placeholder is refused when saving, naming it and the known ones', async () => {
    await assert.rejects(
      create(agent, { title: 'Typo', body: 'Hello {{requester.nmae}}' }),
      refusedWith('validation_failed', 'body', String.raw`\{\{requester\.nmae\}\}.*\{\{requester\.name\}\}`),
    );
    const saved = await create(agent, { title: 'Fine', body: 'Fine' });
    await assert.rejects(
      db.transaction((tx) =>
        updateCannedReply(tx, agent, { id: saved.id, version: 1, title: 'Fine', body: '{{ticket.number}}' }),
      ),
      refusedWith('validation_failed', 'body'),
    );
  });

  test('inserted on a ticket, the placeholders are filled for that ticket and that agent', async () => {
    const reply = await create(agent, {
      title: 'Status',
      body: 'Hello {{requester.name}} ({{requester.username}}), {{ticket.reference}} “{{ticket.title}}” is in hand. — {{agent.name}}',
    });
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'Printer jams' }));
    const filled = await cannedRepliesForTicket(db, agent, ticket.id);
    assert.equal(
      filled.find((item) => item.id === reply.id)?.text,
      `Hello Ada Requester (${requester.username}), ${ticketReference(ticket.number)} “Printer jams” is in hand. — Grace Agent`,
    );
    await assert.rejects(cannedRepliesForTicket(db, requester, ticket.id), refusedWith('not_found'));
  });
});
