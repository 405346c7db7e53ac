import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkOutAsset } from '../../lib/assets/assignments';
import { createAsset } from '../../lib/assets/mutations';
import { auditFilterOptions } from '../../lib/audit/filter-options';
import { auditListSchema, listAuditEntries } from '../../lib/audit/queries';
import { auditLog } from '../../lib/db/schema';
import { AppError } from '../../lib/errors';
import { createLicense, revealProductKey } from '../../lib/licenses/mutations';
import { createTicket, updateTicket } from '../../lib/tickets/mutations';
import { updateUserDetails } from '../../lib/users/mutations';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db } = await useTestDatabase();

const admin = await createTestUser(db, { role: 'admin', username: 'audit-admin' });
const carol = await createTestUser(db, { role: 'agent', username: 'carol' });

// Twelve entries over three days, by two actors and by nobody (a failed sign-in).
await db.insert(auditLog).values([
  ...Array.from({ length: 8 }, (_, index) => ({
    at: new Date(Date.UTC(2026, 2, 1, 8, index)),
    actorId: carol.id,
    actorUsername: 'carol',
    action: 'auth.login_success',
    targetType: 'session',
    targetId: `s-${index}`,
    ipAddress: '198.51.100.4',
  })),
  {
    at: new Date(Date.UTC(2026, 2, 2, 9)),
    actorId: null,
    actorUsername: null,
    action: 'auth.login_failure',
    ipAddress: '203.0.113.9',
    details: { username: 'mallory', reason: 'unknown_user' },
  },
  {
    at: new Date(Date.UTC(2026, 2, 2, 10)),
    actorId: admin.id,
    actorUsername: 'audit-admin',
    action: 'license.update',
    targetType: 'license',
    targetId: '00000000-0000-4000-8000-000000000001',
    details: { name: 'Office', changes: { seats: { from: 5, to: 10 }, productKey: { from: 'set', to: 'set' } } },
  },
  {
    at: new Date(Date.UTC(2026, 2, 3, 11)),
    actorId: admin.id,
    actorUsername: 'audit-admin',
    action: 'license.key_reveal',
    targetType: 'license',
    targetId: '00000000-0000-4000-8000-000000000001',
    details: { name: 'Office' },
  },
  {
    at: new Date(Date.UTC(2026, 2, 3, 23, 59, 59)),
    actorId: carol.id,
    actorUsername: 'carol',
    action: 'authx.other',
    targetType: 'user',
    targetId: carol.id,
  },
]);

const list = (params: Record<string, string>) =>
  listAuditEntries(db, actorFor(admin), auditListSchema.parse({ from: '2026-03-01', to: '2026-03-03', ...params }));

describe('the audit log query', () => {
  test('lists the newest first, a page at a time, with the total', async () => {
    const first = await list({ pageSize: '5' });
    assert.equal(first.total, 12);
    assert.deepEqual(
      first.items.map((entry) => entry.action),
      ['authx.other', 'license.key_reveal', 'license.update', 'auth.login_failure', 'auth.login_success'],
    );
    const third = await list({ pageSize: '5', page: '3' });
    assert.deepEqual(
      third.items.map((entry) => entry.actionWords),
      ['Signed in', 'Signed in'],
    );
    assert.deepEqual([third.page, third.pageSize, third.total], [3, 5, 12]);
  });

  test('an action ending in a dot is an area; any other action matches exactly', async () => {
    const area = await list({ action: 'auth.' });
    assert.equal(area.total, 9);
    assert.ok(area.items.every((entry) => entry.action.startsWith('auth.')));
    assert.equal((await list({ action: 'auth.login_success' })).total, 8);
    assert.equal((await list({ action: 'auth' })).total, 0);
    assert.equal((await list({ action: 'license.' })).total, 2);
  });

  test('filters by person and by kind of record', async () => {
    assert.equal((await list({ person: carol.id })).total, 9);
    assert.equal((await list({ person: admin.id, kind: 'license' })).total, 2);
    assert.equal((await list({ kind: 'session' })).total, 8);
  });

  test('date bounds are whole UTC days, both ends included; an end before the start is refused beside "to"', async () => {
    assert.equal((await list({ from: '2026-03-02', to: '2026-03-02' })).total, 2);
    assert.equal((await list({ from: '2026-03-03', to: '2026-03-03' })).total, 2);
    assert.equal((await list({ from: '2026-03-04', to: '2026-03-10' })).total, 0);
    const backwards = auditListSchema.safeParse({ from: '2026-03-03', to: '2026-03-01' });
    assert.equal(backwards.success, false);
    assert.deepEqual(
      backwards.error?.issues.map((issue) => [issue.path.join('.'), issue.message]),
      [['to', 'Choose a day on or after 2026-03-03.']],
    );
  });

  test('names people and shows only the safe parts of the details', async () => {
    const [other, reveal, update, failure, signIn] = (await list({ pageSize: '5' })).items;
    assert.deepEqual(other.target, { kind: 'user', id: carol.id, label: 'carol' });
    assert.deepEqual(other.actor, { id: carol.id, name: 'carol' });
    // The license is gone: named as recorded, with no link.
    assert.deepEqual(reveal.target, { kind: 'license', id: null, label: 'Office (gone)' });
    assert.equal(reveal.actionWords, 'Key revealed');
    assert.equal(update.summary, 'Changed: seats, product key');
    assert.deepEqual([failure.actor, failure.summary], [null, 'As mallory: no such user']);
    // A session is never shown by its id.
    assert.deepEqual(signIn.target, { kind: 'session', id: null, label: 'Session' });
    assert.ok(!JSON.stringify(signIn).includes('s-7'));
  });

  test('only admins may read it', async () => {
    await assert.rejects(
      listAuditEntries(db, actorFor(carol), auditListSchema.parse({})),
      (error: unknown) => error instanceof AppError && error.code === 'not_found',
    );
    await assert.rejects(
      auditFilterOptions(db, actorFor(carol)),
      (error: unknown) => error instanceof AppError && error.code === 'not_found',
    );
  });
});

describe('names resolved for the records of real changes', async () => {
  const agent = actorFor(carol);
  const ticket = await db.transaction((tx) => createTicket(tx, agent, { title: 'Printer jams' }));
  await db.transaction((tx) => updateTicket(tx, agent, { ticketId: ticket.id, version: 1, status: 'pending' }));
  const tag = `AUD-${Date.now().toString(36)}`;
  const asset = await db.transaction((tx) => createAsset(tx, agent, { assetTag: tag, name: 'Laptop' }));
  await db.transaction((tx) => checkOutAsset(tx, agent, { assetId: asset.id, userId: admin.id, version: 1 }));
  const license = await db.transaction((tx) =>
    createLicense(tx, agent, { name: 'Audit Suite', seats: 3, productKey: 'SECRET-KEY-12345' }),
  );
  await db.transaction((tx) => revealProductKey(tx, agent, license.id));
  const dave = await createTestUser(db, { role: 'requester', username: 'dave' });
  await db.transaction((tx) =>
    updateUserDetails(tx, actorFor(admin), { userId: dave.id, displayName: 'Dave Jones', email: 'dave@example.com' }),
  );
  const today = new Date().toISOString().slice(0, 10);
  const recent = (params: Record<string, string> = {}) =>
    listAuditEntries(db, actorFor(admin), auditListSchema.parse({ from: today, ...params }));

  test('each record by its reference, tag or name, with its id for the link; the person by name', async () => {
    const { items } = await recent({ person: carol.id });
    const about = (action: string) => items.find((entry) => entry.action === action);
    assert.deepEqual(about('ticket.create')?.target, { kind: 'ticket', id: ticket.id, label: ticket.reference });
    assert.equal(about('ticket.update')?.actionWords, 'Status changed');
    assert.equal(about('ticket.update')?.summary, 'Status: New → Pending');
    assert.deepEqual(about('asset.checkout')?.target, { kind: 'asset', id: asset.id, label: tag });
    assert.equal(about('asset.checkout')?.actionWords, 'Checked out');
    assert.equal(about('asset.checkout')?.summary, 'To audit-admin');
    assert.deepEqual(about('license.key_reveal')?.target, { kind: 'license', id: license.id, label: 'Audit Suite' });
    assert.equal(about('license.create')?.summary, '3 seats, product key set');
    assert.deepEqual(about('asset.create')?.actor, { id: carol.id, name: 'carol' });
    const edit = (await recent({ action: 'user.details_change' })).items[0];
    assert.deepEqual(edit.target, { kind: 'user', id: dave.id, label: 'Dave Jones (dave)' });
    // jsonb keeps its keys in its own order (shorter first).
    assert.equal(edit.summary, 'Changed: email, name');
    // Nothing secret reaches the view: neither the key nor the email written in the details.
    const everything = JSON.stringify((await recent({ pageSize: '100' })).items);
    for (const secret of ['SECRET-KEY', 'dave@example.com']) assert.ok(!everything.includes(secret), secret);
  });

  test('a search by reference, tag, license name or username finds its record; an unknown name none', async () => {
    const byReference = await recent({ q: ticket.reference.toLowerCase() });
    assert.deepEqual(
      byReference.items.map((entry) => entry.action),
      ['ticket.update', 'ticket.create'],
    );
    assert.deepEqual(byReference.searched, [{ kind: 'ticket', id: ticket.id }]);
    assert.equal((await recent({ q: tag.toLowerCase() })).total, 2);
    assert.equal((await recent({ q: 'audit suite' })).total, 2);
    assert.equal((await recent({ q: 'DAVE' })).total, 2); // created, then renamed
    const unknown = await recent({ q: 'T-999999' });
    assert.deepEqual([unknown.total, unknown.searched], [0, []]);
  });

  test('the filters offer the actions and the people found in the log, in words', async () => {
    const { actionGroups, people } = await auditFilterOptions(db, actorFor(admin));
    const assets = actionGroups.find((group) => group.any === 'asset.');
    assert.deepEqual(assets?.label, 'Assets');
    assert.deepEqual(
      assets?.actions.map((action) => [action.value, action.label]),
      [
        ['asset.create', 'Asset created'],
        ['asset.checkout', 'Checked out'],
      ],
    );
    assert.ok(people.some((person) => person.value === carol.id && person.label === 'carol'));
    assert.ok(people.some((person) => person.value === admin.id));
    // Who never did anything is not offered.
    const idle = await createTestUser(db, { role: 'agent' });
    assert.ok(!(await auditFilterOptions(db, actorFor(admin))).people.some((person) => person.value === idle.id));
  });
});
