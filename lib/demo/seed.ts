import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { commandLineActor } from '../actor';
import { recordAudit } from '../audit/record';
import { assetListFields, ticketListFields } from '../catalog/kinds';
import { inListedSpellings } from '../catalog/spellings';
import type { Database, Transaction } from '../db/client';
import { users } from '../db/schema';
import { locations as locationsTable } from '../db/schema-places';
import {
  assetAssignments,
  assets,
  licenses,
  licenseSeats,
  ticketAssets,
  ticketComments,
  ticketEvents,
  tickets,
  type TicketStatus,
} from '../db/schema-domain';
import { isUniqueViolation } from '../db/errors';
import { AppError } from '../errors';
import { createUser } from '../users/mutations';
import {
  assetModels,
  assetStatusWeights,
  internalNotes,
  licenseCatalog,
  locations,
  publicReplies,
  ticketPriorityWeights,
  ticketStatusWeights,
  ticketTemplates,
} from './catalog';
import { demoSeedPlan, demoTagPrefix, demoUsernames, firstDemoTagNumber } from './plan';
import { createRandom, type Random } from './random';

export type SeedOptions = { tickets: number; assets: number; withUsers: boolean; force: boolean };
export type SeedResult = {
  tickets: number;
  assets: number;
  licenses: number;
  users: { username: string; role: string; password: string }[];
};

const day = 86_400_000;
const batchSize = 500;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);
/** The demo's users and its audit row are recorded as made from the command line, at "demo-seed". */
const seeder = commandLineActor('demo-seed');

async function insertInBatches<Row>(rows: Row[], insert: (batch: Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += batchSize) await insert(rows.slice(start, start + batchSize));
}

async function createDemoUsers(tx: Transaction): Promise<SeedResult['users']> {
  const created: SeedResult['users'] = [];
  const plan = demoUsernames.map((username) => ({
    username,
    role: username.startsWith('demo-agent-') ? ('agent' as const) : ('requester' as const),
  }));
  for (const entry of plan) {
    const password = randomBytes(12).toString('base64url');
    await createUser(tx, seeder, {
      ...entry,
      password,
      displayName: entry.username.replace(/^demo-/, '').replace(/-/g, ' '),
    });
    created.push({ ...entry, password });
  }
  return created;
}

function makeAssets(random: Random, total: number, firstTag: number, requesterIds: string[], now: number) {
  return Array.from({ length: total }, (_, index) => {
    const model = random.pick(assetModels);
    const purchased = now - random.int(30, 4 * 365) * day;
    let status = random.weighted(assetStatusWeights);
    if (status === 'deployed' && requesterIds.length === 0) status = 'in_stock';
    return {
      assetTag: `${demoTagPrefix}${String(firstTag + index).padStart(5, '0')}`,
      name: `${model.manufacturer} ${model.model}`,
      category: model.category,
      manufacturer: model.manufacturer,
      model: model.model,
      serial: `${model.manufacturer.slice(0, 2).toUpperCase()}${randomBytes(5).toString('hex').toUpperCase()}`,
      status,
      location: random.pick(locations),
      purchaseDate: isoDate(purchased),
      purchaseCost: (model.cost * (0.9 + random.next() * 0.2)).toFixed(2),
      warrantyEnd: isoDate(purchased + 3 * 365 * day),
      assignedToId: status === 'deployed' ? random.pick(requesterIds) : null,
    };
  });
}

function makeTicket(random: Random, requesterId: string, agentIds: string[], now: number) {
  const template = random.pick(ticketTemplates);
  const createdAt = new Date(now - random.int(0, 180) * day - random.int(0, day / 1000) * 1000);
  const status: TicketStatus = random.weighted(ticketStatusWeights);
  const done = status === 'resolved' || status === 'closed';
  const resolvedAt = done ? new Date(Math.min(createdAt.getTime() + random.int(1, 96) * 3_600_000, now)) : null;
  return {
    title: template.title,
    description: template.body,
    category: template.category,
    priority: random.weighted(ticketPriorityWeights),
    status,
    requesterId,
    assigneeId: status === 'new' || agentIds.length === 0 ? null : random.pick(agentIds),
    createdAt,
    updatedAt: resolvedAt ?? createdAt,
    resolvedAt,
    closedAt: status === 'closed' ? resolvedAt : null,
  };
}

/** Fills a demo data set in one transaction: all of it, or nothing. */
export async function seedDemoData(db: Database, options: SeedOptions): Promise<SeedResult> {
  await demoSeedPlan(db, options);
  const random = createRandom(options.tickets * 31 + options.assets);
  const now = Date.now();

  try {
    return await db.transaction((tx) => fillDemoData(tx, options, random, now));
  } catch (error) {
    // Someone wrote between the plan and the seed: say so in a sentence, never with the query.
    if (isUniqueViolation(error))
      throw new AppError(
        'conflict',
        'The demo data collides with data added meanwhile; nothing was added. Run it again.',
      );
    throw error;
  }
}

async function fillDemoData(tx: Transaction, options: SeedOptions, random: Random, now: number): Promise<SeedResult> {
  const demoUsers = options.withUsers ? await createDemoUsers(tx) : [];
  const everyone = await tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.active, true));
  if (everyone.length === 0)
    throw new AppError('conflict', 'There are no users yet: create the first admin, or pass --with-users.');
  const agentIds = everyone.filter((user) => user.role !== 'requester').map((user) => user.id);
  const requesterIds = everyone.filter((user) => user.role === 'requester').map((user) => user.id);
  const openers = requesterIds.length ? requesterIds : everyone.map((user) => user.id);

  // In the managed lists' spellings, which they join (lib/catalog/spellings.ts), as any asset saved.
  const places = await demoPlaces(tx);
  const assetRows = (
    await inListedSpellings(
      tx,
      assetListFields,
      makeAssets(random, options.assets, await firstDemoTagNumber(tx), requesterIds, now),
    )
  ).map((row) => ({
    ...row,
    locationId: places.get(row.location.toLowerCase())?.id,
    location: places.get(row.location.toLowerCase())?.path,
  }));
  const createdAssets: { id: string; assignedToId: string | null }[] = [];
  await insertInBatches(assetRows, async (batch) => {
    createdAssets.push(
      ...(await tx.insert(assets).values(batch).returning({ id: assets.id, assignedToId: assets.assignedToId })),
    );
  });
  const holderHistory = createdAssets
    .filter((asset) => asset.assignedToId)
    .map((asset) => ({
      assetId: asset.id,
      userId: asset.assignedToId!,
      checkedOutAt: new Date(now - random.int(1, 300) * day),
      checkedOutById: agentIds[0] ?? null,
    }));
  await insertInBatches(holderHistory, (batch) => tx.insert(assetAssignments).values(batch));

  const assetsByHolder = new Map<string, string[]>();
  for (const asset of createdAssets)
    if (asset.assignedToId)
      assetsByHolder.set(asset.assignedToId, [...(assetsByHolder.get(asset.assignedToId) ?? []), asset.id]);

  const ticketRows = await inListedSpellings(
    tx,
    ticketListFields,
    Array.from({ length: options.tickets }, () => makeTicket(random, random.pick(openers), agentIds, now)),
  );
  const createdTickets: {
    id: string;
    requesterId: string;
    assigneeId: string | null;
    status: string;
    createdAt: Date;
    resolvedAt: Date | null;
  }[] = [];
  await insertInBatches(ticketRows, async (batch) => {
    createdTickets.push(
      ...(await tx.insert(tickets).values(batch).returning({
        id: tickets.id,
        requesterId: tickets.requesterId,
        assigneeId: tickets.assigneeId,
        status: tickets.status,
        createdAt: tickets.createdAt,
        resolvedAt: tickets.resolvedAt,
      })),
    );
  });

  const events: (typeof ticketEvents.$inferInsert)[] = [];
  const comments: (typeof ticketComments.$inferInsert)[] = [];
  const links: (typeof ticketAssets.$inferInsert)[] = [];
  for (const ticket of createdTickets) {
    events.push({
      ticketId: ticket.id,
      actorId: ticket.requesterId,
      kind: 'created',
      toValue: 'new',
      createdAt: ticket.createdAt,
    });
    const later = new Date(ticket.createdAt.getTime() + 3_600_000);
    if (ticket.assigneeId) {
      events.push({
        ticketId: ticket.id,
        actorId: ticket.assigneeId,
        kind: 'assignee',
        toValue: ticket.assigneeId,
        createdAt: later,
      });
      comments.push({
        ticketId: ticket.id,
        authorId: ticket.assigneeId,
        body: random.pick(publicReplies),
        internal: false,
        createdAt: later,
      });
      if (random.chance(0.3))
        comments.push({
          ticketId: ticket.id,
          authorId: ticket.assigneeId,
          body: random.pick(internalNotes),
          internal: true,
          createdAt: later,
        });
    }
    if (ticket.status !== 'new') {
      events.push({
        ticketId: ticket.id,
        actorId: ticket.assigneeId,
        kind: 'status',
        fromValue: 'new',
        toValue: ticket.status,
        createdAt: ticket.resolvedAt ?? later,
      });
    }
    const owned = assetsByHolder.get(ticket.requesterId);
    if (owned && random.chance(0.4)) links.push({ ticketId: ticket.id, assetId: random.pick(owned) });
  }
  await insertInBatches(events, (batch) => tx.insert(ticketEvents).values(batch));
  await insertInBatches(comments, (batch) => tx.insert(ticketComments).values(batch));
  await insertInBatches(links, (batch) => tx.insert(ticketAssets).values(batch).onConflictDoNothing());

  const seatHolders = everyone.map((user) => user.id);
  for (const entry of licenseCatalog) {
    const [license] = await tx
      .insert(licenses)
      .values({
        name: entry.name,
        vendor: entry.vendor,
        seats: entry.seats,
        productKey:
          `${randomBytes(3).toString('hex')}-${randomBytes(3).toString('hex')}-${randomBytes(3).toString('hex')}`.toUpperCase(),
        expiresAt: entry.expiresInDays === null ? null : isoDate(now + entry.expiresInDays * day),
      })
      .returning({ id: licenses.id });
    const pool = entry.forAssets ? createdAssets.map((asset) => asset.id) : seatHolders;
    const used = Math.min(pool.length, Math.floor(entry.seats * (0.5 + random.next() * 0.5)));
    const holders = pool.slice(0, used);
    const seatRows = holders.map((id) =>
      entry.forAssets ? { licenseId: license.id, assetId: id } : { licenseId: license.id, userId: id },
    );
    await insertInBatches(seatRows, (batch) => tx.insert(licenseSeats).values(batch));
  }

  await recordAudit(tx, seeder, {
    action: 'demo.seed',
    details: {
      tickets: createdTickets.length,
      assets: createdAssets.length,
      licenses: licenseCatalog.length,
      demoUsers: demoUsers.length,
    },
  });
  return {
    tickets: createdTickets.length,
    assets: createdAssets.length,
    licenses: licenseCatalog.length,
    users: demoUsers,
  };
}

/** The demo's places, top-level, made when missing; by lower-case path. */
async function demoPlaces(tx: Transaction): Promise<Map<string, { id: string; path: string }>> {
  await tx
    .insert(locationsTable)
    .values(locations.map((name) => ({ name, path: name })))
    .onConflictDoNothing();
  const rows = await tx
    .select({ id: locationsTable.id, path: locationsTable.path })
    .from(locationsTable)
    .where(
      inArray(
        sql`lower(${locationsTable.path})`,
        locations.map((name) => name.toLowerCase()),
      ),
    );
  return new Map(rows.map((row) => [row.path.toLowerCase(), row]));
}
