import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { tickets } from '../../lib/db/schema-domain';
import { changesCommitted } from '../../lib/kept-results';
import { listTickets } from '../../lib/tickets/list';
import { ticketListQuerySchema } from '../../lib/tickets/schemas';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db } = await useTestDatabase();

// A page's list counts its matches exactly up to a limit and estimates past it ("about 11,800");
// JSON routes and saved views' counts still count every match.

const agent = actorFor(await createTestUser(db, { role: 'agent' }));
const requester = await createTestUser(db, { role: 'requester' });

const printerJams = 303;
await db.insert(tickets).values([
  ...Array.from({ length: printerJams }, (_, index) => ({
    title: `Printer jam ${index}`,
    requesterId: requester.id,
  })),
  ...Array.from({ length: 2 }, (_, index) => ({ title: `Badge lost ${index}`, requesterId: requester.id })),
]);
// The planner's statistics, as autovacuum would have gathered them on a live database.
await db.execute(sql`analyze tickets`);

const query = (q: string, page = 1) => ticketListQuerySchema.parse({ q, pageSize: 5, page });
const limited = { exactCountUpTo: 5 };

describe('a list counted exactly up to a limit', () => {
  test('within the limit the count is exact', async () => {
    const page = await listTickets(db, agent, query('badge'), limited);
    assert.equal(page.total, 2);
    assert.equal(page.approximate, undefined);
    assert.equal(page.items.length, 2);
  });

  test("past the limit it is the planner's estimate, marked so", async () => {
    const page = await listTickets(db, agent, query('printer'), limited);
    assert.equal(page.approximate, true);
    // Well past the 6 rows counted: the estimate was read from the plan, not the floor put under it.
    assert.ok(page.total > 100 && page.total < 1_000, `an estimate of ${page.total} for ${printerJams} rows`);
    assert.equal(page.items.length, 5);
  });

  test('the last page, not full, knows the total exactly', async () => {
    const last = Math.ceil(printerJams / 5);
    const page = await listTickets(db, agent, query('printer', last), limited);
    assert.equal(page.items.length, printerJams % 5);
    assert.equal(page.total, printerJams);
    assert.equal(page.approximate, undefined);
  });

  test('without a limit every match is counted, as JSON routes do', async () => {
    const page = await listTickets(db, agent, query('printer'));
    assert.equal(page.total, printerJams);
    assert.equal(page.approximate, undefined);
  });
});

describe("a page's kept total", () => {
  const kept = { kept: true };
  const keyboards = (page = 1) => ticketListQuerySchema.parse({ q: 'keyboard', pageSize: 2, page });
  const addKeyboardTicket = (index: number) =>
    db.insert(tickets).values({ title: `Keyboard sticks ${index}`, requesterId: requester.id });

  test('the same person and filters reuse it until this process changes data; another page of it too', async () => {
    for (const index of [1, 2, 3]) await addKeyboardTicket(index);
    assert.equal((await listTickets(db, agent, keyboards(), kept)).total, 3);
    // Written behind the boundary's back, as another process would: the kept total still answers.
    await addKeyboardTicket(4);
    assert.equal((await listTickets(db, agent, keyboards(), kept)).total, 3);
    assert.equal((await listTickets(db, agent, keyboards(2), kept)).total, 4, 'a full page bounds it from below');
    assert.equal((await listTickets(db, agent, keyboards())).total, 4, 'JSON routes count now');
    changesCommitted();
    assert.equal((await listTickets(db, agent, keyboards(), kept)).total, 4);
  });

  test('nobody else is answered with it', async () => {
    const other = actorFor(await createTestUser(db, { role: 'agent' }));
    await addKeyboardTicket(5);
    assert.equal((await listTickets(db, other, keyboards(), kept)).total, 5);
    assert.equal((await listTickets(db, agent, keyboards(), kept)).total, 4);
  });
});
