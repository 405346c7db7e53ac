import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tickets } from '../../lib/db/schema-domain';
import { listTickets } from '../../lib/tickets/list';
import { ticketListQuerySchema } from '../../lib/tickets/schemas';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db } = await useTestDatabase();

// A page's list counts its matches exactly up to a limit and estimates past it ("about 11,800");
// JSON routes and saved views' counts still count every match.

const agent = actorFor(await createTestUser(db, { role: 'agent' }));
const requester = await createTestUser(db, { role: 'requester' });

await db
  .insert(tickets)
  .values([
    ...Array.from({ length: 8 }, (_, index) => ({ title: `Printer jam ${index}`, requesterId: requester.id })),
    ...Array.from({ length: 2 }, (_, index) => ({ title: `Badge lost ${index}`, requesterId: requester.id })),
  ]);

const query = (q: string) => ticketListQuerySchema.parse({ q, pageSize: 5 });

describe('a list counted exactly up to a limit', () => {
  test('within the limit the count is exact', async () => {
    const page = await listTickets(db, agent, query('badge'), { exactCountUpTo: 5 });
    assert.equal(page.total, 2);
    assert.equal(page.approximate, undefined);
    assert.equal(page.items.length, 2);
  });

  test('past the limit it is an estimate, marked so, and never below the limit', async () => {
    const page = await listTickets(db, agent, query('printer'), { exactCountUpTo: 5 });
    assert.equal(page.approximate, true);
    assert.ok(page.total >= 6, `an estimate of ${page.total} is below what was counted`);
    assert.equal(page.items.length, 5);
  });

  test('without a limit every match is counted, as JSON routes do', async () => {
    const page = await listTickets(db, agent, query('printer'));
    assert.equal(page.total, 8);
    assert.equal(page.approximate, undefined);
  });
});
