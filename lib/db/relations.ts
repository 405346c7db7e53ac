import { relations } from 'drizzle-orm';
import { auditLog, instanceSetup, sessions, users } from './schema';
// In the order the relations below are declared.
import {
  tickets,
  ticketComments,
  ticketEvents,
  ticketAssets,
  assets,
  assetImages,
  assetAssignments,
  licenses,
  licenseSeats,
} from './schema-domain';

// How the tables refer to each other, for relational queries (`db.query.<table>.findFirst/findMany`
// with `with:`). Nothing here is SQL: the foreign keys themselves live in schema.ts and
// schema-domain.ts. Each record names the users it points at (requester, author, ...) from its own
// side; users list none of them back, so no two relations to users need telling apart by name.

/** The columns of a user shown next to a record (a ticket's requester, a comment's author, ...). */
export const personColumns = { id: true, username: true, displayName: true } as const;

export const instanceSetupRelations = relations(instanceSetup, ({ one }) => ({
  admin: one(users, { fields: [instanceSetup.adminId], references: [users.id] }),
}));

export const sessionRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));

export const auditLogRelations = relations(auditLog, ({ one }) => ({
  actor: one(users, { fields: [auditLog.actorId], references: [users.id] }),
}));

export const ticketRelations = relations(tickets, ({ one, many }) => ({
  requester: one(users, { fields: [tickets.requesterId], references: [users.id] }),
  assignee: one(users, { fields: [tickets.assigneeId], references: [users.id] }),
  comments: many(ticketComments),
  events: many(ticketEvents),
  assetLinks: many(ticketAssets),
}));

export const ticketCommentRelations = relations(ticketComments, ({ one }) => ({
  ticket: one(tickets, { fields: [ticketComments.ticketId], references: [tickets.id] }),
  author: one(users, { fields: [ticketComments.authorId], references: [users.id] }),
}));

export const ticketEventRelations = relations(ticketEvents, ({ one }) => ({
  ticket: one(tickets, { fields: [ticketEvents.ticketId], references: [tickets.id] }),
  actor: one(users, { fields: [ticketEvents.actorId], references: [users.id] }),
}));

export const ticketAssetRelations = relations(ticketAssets, ({ one }) => ({
  ticket: one(tickets, { fields: [ticketAssets.ticketId], references: [tickets.id] }),
  asset: one(assets, { fields: [ticketAssets.assetId], references: [assets.id] }),
}));

export const assetRelations = relations(assets, ({ one, many }) => ({
  assignedTo: one(users, { fields: [assets.assignedToId], references: [users.id] }),
  image: one(assetImages),
  assignments: many(assetAssignments),
  ticketLinks: many(ticketAssets),
  licenseSeats: many(licenseSeats),
}));

export const assetImageRelations = relations(assetImages, ({ one }) => ({
  asset: one(assets, { fields: [assetImages.assetId], references: [assets.id] }),
}));

export const assetAssignmentRelations = relations(assetAssignments, ({ one }) => ({
  asset: one(assets, { fields: [assetAssignments.assetId], references: [assets.id] }),
  user: one(users, { fields: [assetAssignments.userId], references: [users.id] }),
  checkedOutBy: one(users, { fields: [assetAssignments.checkedOutById], references: [users.id] }),
  checkedInBy: one(users, { fields: [assetAssignments.checkedInById], references: [users.id] }),
}));

// Not "seats": that is the column holding how many seats the license has.
export const licenseRelations = relations(licenses, ({ many }) => ({
  seatList: many(licenseSeats),
}));

export const licenseSeatRelations = relations(licenseSeats, ({ one }) => ({
  license: one(licenses, { fields: [licenseSeats.licenseId], references: [licenses.id] }),
  user: one(users, { fields: [licenseSeats.userId], references: [users.id] }),
  asset: one(assets, { fields: [licenseSeats.assetId], references: [assets.id] }),
  assignedBy: one(users, { fields: [licenseSeats.assignedById], references: [users.id] }),
}));
