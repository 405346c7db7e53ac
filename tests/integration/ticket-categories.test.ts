import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { listCatalogEntries, removeCatalogValue, renameCatalogValue } from '../../lib/catalog/admin';
import { AppError } from '../../lib/errors';
import { listTicketCategories } from '../../lib/tickets/categories';
import { createTicket, updateTicket } from '../../lib/tickets/mutations';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// Ticket categories are a managed list (lib/tickets/categories.ts over lib/catalog): saved in the
// listed spelling, added by staff as typed, chosen from the list by requesters, renamed on tickets.

const { db, rows } = await useTestDatabase();

const admin = actorFor(await createTestUser(db, { role: 'admin' }));
const agent = actorFor(await createTestUser(db, { role: 'agent' }));
const requester = actorFor(await createTestUser(db, { role: 'requester' }));
const run = Date.now().toString(36);

const open = (actor: typeof agent, fields: { title?: string; category?: string }) =>
  db.transaction((tx) => createTicket(tx, actor, { title: 'Something is wrong', ...fields }));

async function ticketRow(id: string) {
  const [row] = await rows<{ category: string; version: number; updated_at: string }>(
    sql`select category, version, updated_at::text as updated_at from tickets where id = ${id}`,
  );
  return row;
}

const refusedWith = (code: string, field?: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code, error.message);
  if (field) assert.ok(error.fields?.[field], `expected a message for ${field}`);
  return true;
};

describe('ticket categories', () => {
  test('a new installation lists the default and the usual categories', async () => {
    const listed = await listTicketCategories(db);
    for (const name of ['General', 'Hardware', 'Software', 'Network', 'Access', 'Other'])
      assert.ok(listed.includes(name), `${name} is listed`);
  });

  test('a ticket opened or changed with another letter case is saved in the listed spelling', async () => {
    const byRequester = await open(requester, { category: 'hardware' });
    assert.equal((await ticketRow(byRequester.id)).category, 'Hardware');

    const byAgent = await open(agent, { category: `Printers${run}` });
    const again = await open(agent, { category: `PRINTERS${run}` });
    assert.equal((await ticketRow(again.id)).category, `Printers${run}`);
    assert.equal((await listTicketCategories(db)).filter((name) => name === `Printers${run}`).length, 1);

    const changed = await db.transaction((tx) =>
      updateTicket(tx, agent, { ticketId: byAgent.id, version: 1, category: 'SOFTWARE' }),
    );
    assert.deepEqual(changed.changes.category, { from: `Printers${run}`, to: 'Software' });
    assert.equal((await ticketRow(byAgent.id)).category, 'Software');
    // The same category in another case is no change at all.
    const same = await db.transaction((tx) =>
      updateTicket(tx, agent, { ticketId: byAgent.id, version: changed.version, category: 'software' }),
    );
    assert.equal(same.changed, false);
  });

  test('staff add a category by typing it; a requester chooses a listed one or the default', async () => {
    await assert.rejects(open(requester, { category: `Coffee${run}` }), refusedWith('validation_failed', 'category'));
    assert.ok(!(await listTicketCategories(db)).includes(`Coffee${run}`));
    const byDefault = await open(requester, {});
    assert.equal((await ticketRow(byDefault.id)).category, 'General');
    await open(agent, { category: `Coffee${run}` });
    const chosen = await open(requester, { category: `coffee${run}` });
    assert.equal((await ticketRow(chosen.id)).category, `Coffee${run}`);
    await assert.rejects(
      db.transaction((tx) => updateTicket(tx, requester, { ticketId: chosen.id, version: 1, category: 'Hardware' })),
      refusedWith('forbidden'),
    );
  });

  test('a requester’s “gENERAL” is the default as the app spells it, and never joins the list in theirs', async () => {
    // As if an admin had removed the default from the list while no ticket used it.
    await rows(sql`delete from catalog_values where kind = 'ticket_category' and lower(name) = 'general'`);
    const typed = await open(requester, { category: 'gENERAL' });
    assert.equal((await ticketRow(typed.id)).category, 'General');
    const listed = await listTicketCategories(db);
    assert.ok(listed.includes('General'));
    assert.ok(!listed.includes('gENERAL'));
  });

  test('a rename changes every ticket using the category in one audited step, without news on them', async () => {
    const first = await open(agent, { category: `Scanner${run}` });
    const second = await open(agent, { category: `scanner${run}` });
    const before = await ticketRow(first.id);
    const entry = (await listCatalogEntries(db, admin)).find((value) => value.name === `Scanner${run}`)!;
    assert.deepEqual([entry.kind, entry.uses], ['ticket_category', 2]);

    const renamed = await db.transaction((tx) =>
      renameCatalogValue(tx, admin, { id: entry.id, name: `Scanners${run}` }),
    );
    assert.deepEqual(renamed, { kind: 'ticket_category', from: `Scanner${run}`, to: `Scanners${run}`, uses: 2 });
    const after = await ticketRow(first.id);
    assert.deepEqual([after.category, after.version], [`Scanners${run}`, before.version + 1]);
    assert.equal(after.updated_at, before.updated_at);
    assert.equal((await ticketRow(second.id)).category, `Scanners${run}`);
    const audit = await rows<{ details: { from: string; to: string; tickets: number; kind: string } }>(
      sql`select details from audit_log where action = 'catalog.rename' and target_id = ${entry.id}`,
    );
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0].details, {
      kind: 'ticket_category',
      name: `Scanner${run}`,
      from: `Scanner${run}`,
      to: `Scanners${run}`,
      tickets: 2,
    });
    // A ticket form opened before the rename cannot put the old name back.
    await assert.rejects(
      db.transaction((tx) =>
        updateTicket(tx, agent, { ticketId: first.id, version: before.version, category: `Scanner${run}` }),
      ),
      refusedWith('conflict'),
    );
  });

  test('a category in use by tickets cannot be removed, an unused one can', async () => {
    const ticket = await open(agent, { category: `Fax${run}` });
    const entry = (await listCatalogEntries(db, admin)).find((value) => value.name === `Fax${run}`)!;
    await assert.rejects(
      db.transaction((tx) => removeCatalogValue(tx, admin, { id: entry.id })),
      (error: unknown) => refusedWith('conflict')(error) && /used by 1 ticket;/.test((error as Error).message),
    );
    await db.transaction((tx) => updateTicket(tx, agent, { ticketId: ticket.id, version: 1, category: 'Hardware' }));
    assert.deepEqual(await db.transaction((tx) => removeCatalogValue(tx, admin, { id: entry.id })), {
      name: `Fax${run}`,
    });
  });
});

// The hand-written part of the migration, found by its comment (the migration's number and name change at merge).
function seedStatements(): string[] {
  const dir = path.join(import.meta.dirname, '../../drizzle');
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.sql'))) {
    const statements = fs.readFileSync(path.join(dir, file), 'utf8').split('--> statement-breakpoint');
    const start = statements.findIndex((statement) => statement.includes('-- Seed the ticket categories'));
    if (start >= 0) return statements.slice(start, start + 2);
  }
  throw new Error('No migration seeds the ticket categories.');
}

describe('the migration that makes ticket categories a list', () => {
  test('lists each used category once, in the spelling most tickets use, and moves tickets to it', async () => {
    const [seed, respell] = seedStatements();
    const ids: string[] = [];
    for (const category of [`Kiosk${run}`, `kiosk${run}`, `kiosk${run}`, 'hardware'])
      ids.push((await open(agent, { category })).id);
    // As before the migration: the list is empty and the tickets carry what was typed.
    await rows(sql`delete from catalog_values where kind = 'ticket_category'`);
    await rows(sql`update tickets set category = ${`kiosk${run}`} where id in (${ids[1]}, ${ids[2]})`);
    await rows(sql`update tickets set category = 'hardware' where id = ${ids[3]}`);
    const before = await ticketRow(ids[0]);

    await rows(sql.raw(seed));
    await rows(sql.raw(respell));
    const listed = await listTicketCategories(db);
    assert.equal(listed.filter((name) => name.toLowerCase() === `kiosk${run}`).join(), `kiosk${run}`);
    for (const name of ['General', 'Software', 'Network', 'Access', 'Other']) assert.ok(listed.includes(name), name);
    const after = await ticketRow(ids[0]);
    assert.deepEqual([after.category, after.version], [`kiosk${run}`, before.version + 1]);
    assert.equal(after.updated_at, before.updated_at);
  });
});
