import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Actor } from '../../lib/actor';
import { tickets } from '../../lib/db/schema-domain';
import { exportTickets, listTickets } from '../../lib/tickets/list';
import { ticketListQuerySchema, ticketQueryObject } from '../../lib/tickets/schemas';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db } = await useTestDatabase();

const agent = actorFor(await createTestUser(db, { role: 'agent' }));
const otherAgent = actorFor(await createTestUser(db, { role: 'agent' }));
const ann = actorFor(await createTestUser(db, { role: 'requester' }));
const ben = actorFor(await createTestUser(db, { role: 'requester' }));

// A fixed data set, inserted directly: list behaviour does not depend on how tickets got here.
const minutesAgo = (minutes: number) => new Date(Date.UTC(2026, 0, 10, 12, 0) - minutes * 60_000);
const seed = [
  {
    title: 'Printer jams on floor 2',
    status: 'new',
    priority: 'normal',
    category: 'Hardware',
    requesterId: ann.id,
    assigneeId: null,
    age: 1,
  },
  {
    title: 'VPN disconnects hourly',
    status: 'open',
    priority: 'urgent',
    category: 'Network',
    requesterId: ann.id,
    assigneeId: agent.id,
    age: 2,
  },
  {
    title: 'New starter needs access',
    status: 'pending',
    priority: 'high',
    category: 'Access',
    requesterId: ben.id,
    assigneeId: agent.id,
    age: 3,
  },
  {
    title: 'Excel crashes on save',
    status: 'resolved',
    priority: 'low',
    category: 'Software',
    requesterId: ben.id,
    assigneeId: otherAgent.id,
    age: 4,
  },
  {
    title: 'Laptop battery swollen',
    status: 'closed',
    priority: 'urgent',
    category: 'Hardware',
    requesterId: ann.id,
    assigneeId: otherAgent.id,
    age: 5,
  },
] as const;
const created: { id: string; number: number; title: string }[] = [];
for (const { age, ...row } of seed) {
  const [ticket] = await db
    .insert(tickets)
    .values({
      ...row,
      description: `Reported ${age} minutes ago`,
      createdAt: minutesAgo(age * 10),
      updatedAt: minutesAgo(age),
    })
    .returning({ id: tickets.id, number: tickets.number, title: tickets.title });
  created.push(ticket);
}
// 30 more, older, for paging.
await db.insert(tickets).values(
  Array.from({ length: 30 }, (_, index) => ({
    title: `Routine request ${index + 1}`,
    requesterId: ben.id,
    createdAt: minutesAgo(1000 + index),
    updatedAt: minutesAgo(100 + index),
  })),
);

const query = (params: Record<string, string>) => ticketListQuerySchema.parse(params);
const titles = async (params: Record<string, string>, actor: Actor = agent) =>
  (await listTickets(db, actor, query(params))).items.map((ticket) => ticket.title);

describe('views', () => {
  test('"My tickets" is what is assigned to an agent, and what a requester opened', async () => {
    assert.deepEqual(await titles({ view: 'mine' }), ['VPN disconnects hourly', 'New starter needs access']);
    assert.deepEqual(await titles({ view: 'mine' }, ann), [
      'Printer jams on floor 2',
      'VPN disconnects hourly',
      'Laptop battery swollen',
    ]);
  });

  test('"Unassigned" and "All", with the total counted under the same filters', async () => {
    const unassigned = await listTickets(db, agent, query({ view: 'unassigned' }));
    assert.equal(unassigned.total, 31);
    assert.equal(unassigned.items[0].title, 'Printer jams on floor 2');
    assert.equal((await listTickets(db, agent, query({}))).total, 35);
    assert.equal((await listTickets(db, ann, query({}))).total, 3);
    assert.equal((await listTickets(db, ben, query({}))).total, 32);
  });
});

describe('filters', () => {
  test('status (one or several), priority, assignee (id or none), requester and category', async () => {
    assert.deepEqual(await titles({ status: 'pending' }), ['New starter needs access']);
    assert.deepEqual(await titles({ status: 'resolved,closed' }), ['Excel crashes on save', 'Laptop battery swollen']);
    assert.deepEqual(await titles({ priority: 'urgent' }), ['VPN disconnects hourly', 'Laptop battery swollen']);
    assert.deepEqual(await titles({ assignee: otherAgent.id }), ['Excel crashes on save', 'Laptop battery swollen']);
    assert.equal((await listTickets(db, agent, query({ assignee: 'none' }))).total, 31);
    assert.deepEqual(await titles({ requester: ann.id, category: 'hardware' }), [
      'Printer jams on floor 2',
      'Laptop battery swollen',
    ]);
  });

  test('repeated status parameters from a form are joined', () => {
    const params = new URLSearchParams('status=new&status=open&q=&view=all');
    assert.deepEqual(ticketQueryObject(params), { status: 'new,open', view: 'all' });
    assert.deepEqual(query(ticketQueryObject(params)).status, ['new', 'open']);
  });

  test('text search finds words in the title and description by prefix', async () => {
    assert.deepEqual(await titles({ q: 'vpn' }), ['VPN disconnects hourly']);
    assert.deepEqual(await titles({ q: 'jam print' }), ['Printer jams on floor 2']);
    assert.deepEqual(await titles({ q: 'reported 4 minutes' }), ['Excel crashes on save']);
    assert.deepEqual(await titles({ q: 'nothing-like-this' }), []);
  });

  test('"T-1042", "t1042" or "1042" finds the ticket with that number', async () => {
    const target = created[2];
    for (const q of [`T-${target.number}`, `t${target.number}`, String(target.number)]) {
      assert.deepEqual(await titles({ q }), [target.title], q);
    }
  });

  test('malformed parameters are refused by the strict schema', () => {
    for (const params of [
      { status: 'done' },
      { priority: 'meh' },
      { assignee: 'bob' },
      { sort: 'title' },
      { page: '0' },
      { pageSize: '1000' },
      { colour: 'red' },
    ]) {
      assert.equal(ticketListQuerySchema.safeParse(params).success, false, JSON.stringify(params));
    }
  });
});

describe('sorting and paging', () => {
  test('by updated (default, newest first), created, number, priority (urgent first) and status (new first)', async () => {
    const firstFive = async (params: Record<string, string>) =>
      (await titles({ ...params, pageSize: '5' })).map((title) => title.split(' ')[0]);
    assert.deepEqual(await firstFive({}), ['Printer', 'VPN', 'New', 'Excel', 'Laptop']);
    assert.deepEqual(await firstFive({ sort: 'updated', dir: 'asc' }), [
      'Routine',
      'Routine',
      'Routine',
      'Routine',
      'Routine',
    ]);
    assert.deepEqual(await firstFive({ sort: 'created' }), ['Printer', 'VPN', 'New', 'Excel', 'Laptop']);
    assert.deepEqual(await firstFive({ sort: 'number', dir: 'asc' }), ['Printer', 'VPN', 'New', 'Excel', 'Laptop']);
    assert.deepEqual(
      await firstFive({ sort: 'priority', status: 'new,open,pending,resolved,closed', requester: ann.id }),
      ['VPN', 'Laptop', 'Printer'],
    );
    assert.deepEqual(await titles({ sort: 'status', requester: ann.id }), [
      'Printer jams on floor 2',
      'VPN disconnects hourly',
      'Laptop battery swollen',
    ]);
    assert.deepEqual(await titles({ sort: 'status', dir: 'asc', requester: ann.id }), [
      'Laptop battery swollen',
      'VPN disconnects hourly',
      'Printer jams on floor 2',
    ]);
  });

  test('25 per page by default; pages do not overlap and the total stays the same', async () => {
    const first = await listTickets(db, agent, query({}));
    const second = await listTickets(db, agent, query({ page: '2' }));
    assert.deepEqual(
      [first.items.length, second.items.length, first.total, second.total, first.pageSize],
      [25, 10, 35, 35, 25],
    );
    const ids = new Set([...first.items, ...second.items].map((ticket) => ticket.id));
    assert.equal(ids.size, 35);
    const beyond = await listTickets(db, agent, query({ page: '9' }));
    assert.deepEqual([beyond.items.length, beyond.total], [0, 35]);
  });

  test('page after page, every sort gives the export order, people included', async () => {
    for (const sort of ['updated', 'created', 'number', 'priority', 'status']) {
      for (const dir of ['desc', 'asc']) {
        const paged = [];
        for (let page = 1; page <= 9; page++)
          paged.push(...(await listTickets(db, agent, query({ sort, dir, page: String(page), pageSize: '4' }))).items);
        // The export marks no news (it is for other tools); the rows are the same otherwise.
        const withoutNews = paged.map((ticket) => ({ ...ticket, unseen: false }));
        assert.deepEqual(withoutNews, await exportTickets(db, agent, query({ sort, dir })), `${sort} ${dir}`);
      }
    }
  });
});

describe('the export', () => {
  test('honours the filters without paging, and a requester exports only their own tickets', async () => {
    assert.equal((await exportTickets(db, agent, query({}))).length, 35);
    const urgent = await exportTickets(db, agent, query({ priority: 'urgent' }));
    assert.deepEqual(
      urgent.map((ticket) => ticket.title),
      ['VPN disconnects hourly', 'Laptop battery swollen'],
    );
    const anns = await exportTickets(db, ann, query({}));
    assert.deepEqual(
      anns.map((ticket) => ticket.requester.id),
      [ann.id, ann.id, ann.id],
    );
  });
});
