import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadDashboard, type RequesterDashboard, type StaffDashboard } from '../../lib/dashboard/dashboard';
import {
  assets,
  licenses,
  licenseSeats,
  tickets,
  type TicketPriority,
  type TicketStatus,
} from '../../lib/db/schema-domain';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db } = await useTestDatabase();

// A fixed "today" makes every window and the 30-day series exact.
const today = '2026-06-15';
const at = (day: string, time = '12:00:00') => new Date(`${day}T${time}Z`);

const agent = await createTestUser(db, { role: 'agent' });
const otherAgent = await createTestUser(db, { role: 'agent' });
const alice = await createTestUser(db, { role: 'requester' });
const bob = await createTestUser(db, { role: 'requester' });

type TicketSeed = {
  title: string;
  status: TicketStatus;
  priority: TicketPriority;
  requester: { id: string };
  assignee?: { id: string };
  created: Date;
  updated?: Date;
  resolved?: Date;
};

async function seedTickets(seeds: TicketSeed[]) {
  await db.insert(tickets).values(
    seeds.map((seed) => ({
      title: seed.title,
      status: seed.status,
      priority: seed.priority,
      requesterId: seed.requester.id,
      assigneeId: seed.assignee?.id ?? null,
      createdAt: seed.created,
      updatedAt: seed.updated ?? seed.created,
      resolvedAt: seed.resolved ?? null,
    })),
  );
}

await seedTickets([
  { title: 'Printer jam', status: 'new', priority: 'normal', requester: alice, created: at('2026-06-15', '00:00:00') },
  {
    title: 'VPN down',
    status: 'new',
    priority: 'urgent',
    requester: alice,
    assignee: agent,
    created: at('2026-06-14'),
  },
  {
    title: 'New laptop',
    status: 'open',
    priority: 'low',
    requester: bob,
    assignee: agent,
    created: at('2026-06-10'),
    updated: at('2026-06-14'),
  },
  {
    title: 'Slow disk',
    status: 'open',
    priority: 'low',
    requester: bob,
    assignee: agent,
    created: at('2026-06-10', '08:00:00'),
    updated: at('2026-06-12'),
  },
  {
    title: 'Email quota',
    status: 'pending',
    priority: 'high',
    requester: bob,
    assignee: otherAgent,
    created: at('2026-05-20'),
  },
  {
    title: 'Monitor flicker',
    status: 'resolved',
    priority: 'high',
    requester: alice,
    assignee: agent,
    created: at('2026-06-01'),
    resolved: at('2026-06-14', '23:59:59'),
  },
  {
    title: 'Old request',
    status: 'closed',
    priority: 'normal',
    requester: alice,
    created: at('2026-05-16', '23:59:59'),
    resolved: at('2026-05-17', '00:00:00'),
  },
  {
    title: 'Ancient',
    status: 'closed',
    priority: 'normal',
    requester: bob,
    created: at('2026-01-01'),
    resolved: at('2026-05-16', '23:59:59'),
  },
]);

await db.insert(assets).values([
  { assetTag: 'DASH-001', name: 'Laptop A', status: 'deployed', assignedToId: alice.id, warrantyEnd: '2026-06-15' },
  { assetTag: 'DASH-002', name: 'Laptop B', status: 'deployed', assignedToId: bob.id, warrantyEnd: '2026-07-15' },
  { assetTag: 'DASH-003', name: 'Laptop C', status: 'in_stock', warrantyEnd: '2026-07-16' },
  { assetTag: 'DASH-004', name: 'Dock', status: 'in_repair', warrantyEnd: '2026-09-13' },
  { assetTag: 'DASH-005', name: 'Old phone', status: 'retired', warrantyEnd: '2026-06-20' },
  { assetTag: 'DASH-006', name: 'Expired warranty', status: 'in_stock', warrantyEnd: '2026-06-14' },
  { assetTag: 'DASH-007', name: 'Far warranty', status: 'deployed', warrantyEnd: '2026-09-14' },
]);

const [office, design, perpetual] = await db
  .insert(licenses)
  .values([
    { name: 'Office', seats: 4, expiresAt: '2026-07-01' },
    { name: 'Design suite', seats: 2, expiresAt: '2026-08-20' },
    { name: 'Perpetual tool', seats: 10, expiresAt: null },
  ])
  .returning({ id: licenses.id });
await db.insert(licenseSeats).values([
  { licenseId: office.id, userId: alice.id },
  { licenseId: design.id, userId: alice.id },
  { licenseId: design.id, userId: bob.id },
  { licenseId: perpetual.id, userId: bob.id },
]);

const staff = (await loadDashboard(db, actorFor(agent), { today })) as StaffDashboard;

describe('the dashboard of an agent', () => {
  test('counts open tickets by status and priority, and the unassigned ones', () => {
    assert.equal(staff.role, 'agent');
    assert.deepEqual(staff.openTickets, {
      total: 5,
      unassigned: 1,
      byStatus: { new: 2, open: 2, pending: 1 },
      byPriority: { low: 2, normal: 1, high: 1, urgent: 1 },
    });
  });

  test("lists the agent's own open tickets, most urgent first, then the most recently updated", () => {
    assert.deepEqual(
      staff.myQueue.map((ticket) => ticket.title),
      ['VPN down', 'New laptop', 'Slow disk'],
    );
  });

  test('gives 30 UTC days of opened and resolved counts, zero days included', () => {
    assert.equal(staff.ticketsPerDay.length, 30);
    assert.equal(staff.ticketsPerDay[0].day, '2026-05-17');
    assert.equal(staff.ticketsPerDay[29].day, today);
    const nonZero = staff.ticketsPerDay.filter((day) => day.opened > 0 || day.resolved > 0);
    assert.deepEqual(nonZero, [
      { day: '2026-05-17', opened: 0, resolved: 1 },
      { day: '2026-05-20', opened: 1, resolved: 0 },
      { day: '2026-06-01', opened: 1, resolved: 0 },
      { day: '2026-06-10', opened: 2, resolved: 0 },
      { day: '2026-06-14', opened: 1, resolved: 1 },
      { day: '2026-06-15', opened: 1, resolved: 0 },
    ]);
    assert.deepEqual(staff.ticketsPerDay[1], { day: '2026-05-18', opened: 0, resolved: 0 });
  });

  test('counts assets by status', () => {
    assert.deepEqual(staff.assetsByStatus, { in_stock: 2, deployed: 3, in_repair: 1, retired: 1, lost: 0, total: 7 });
  });

  test('shows license seat use, fullest first', () => {
    assert.deepEqual(
      staff.licenseSeatUse.map((license) => [license.name, license.used, license.seats]),
      [
        ['Design suite', 2, 2],
        ['Office', 1, 4],
        ['Perpetual tool', 1, 10],
      ],
    );
  });

  test('counts warranties ending within 30/60/90 days, leaving out the past and retired assets', () => {
    assert.deepEqual(staff.expiringWarranties.counts, { within30: 2, within60: 3, within90: 4 });
    assert.deepEqual(
      staff.expiringWarranties.soonest.map((asset) => [asset.assetTag, asset.warrantyEnd]),
      [
        ['DASH-001', '2026-06-15'],
        ['DASH-002', '2026-07-15'],
        ['DASH-003', '2026-07-16'],
        ['DASH-004', '2026-09-13'],
      ],
    );
  });

  test('counts licenses expiring within 30/60/90 days', () => {
    assert.deepEqual(staff.expiringLicenses.counts, { within30: 1, within60: 1, within90: 2 });
    assert.deepEqual(
      staff.expiringLicenses.soonest.map((license) => [license.name, license.expiresAt]),
      [
        ['Office', '2026-07-01'],
        ['Design suite', '2026-08-20'],
      ],
    );
  });
});

describe('the dashboard of an admin', () => {
  test("is the staff dashboard, marked as an admin's", async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    const dashboard = (await loadDashboard(db, actorFor(admin), { today })) as StaffDashboard;
    assert.equal(dashboard.role, 'admin');
    assert.deepEqual(dashboard.openTickets, staff.openTickets);
  });
});

describe('the dashboard of a requester', () => {
  test('shows only their own open tickets and their own assets', async () => {
    const dashboard = (await loadDashboard(db, actorFor(alice), { today })) as RequesterDashboard;
    assert.deepEqual(Object.keys(dashboard).sort(), ['myAssets', 'myOpenTickets', 'role', 'today']);
    assert.equal(dashboard.myOpenTickets.total, 2);
    assert.deepEqual(dashboard.myOpenTickets.items.map((ticket) => ticket.title).sort(), ['Printer jam', 'VPN down']);
    assert.deepEqual(
      dashboard.myAssets.map((asset) => asset.assetTag),
      ['DASH-001'],
    );

    const bobs = (await loadDashboard(db, actorFor(bob), { today })) as RequesterDashboard;
    assert.deepEqual(
      bobs.myOpenTickets.items.map((ticket) => ticket.title),
      ['New laptop', 'Slow disk', 'Email quota'],
    );
    assert.deepEqual(
      bobs.myAssets.map((asset) => asset.assetTag),
      ['DASH-002'],
    );
  });
});
