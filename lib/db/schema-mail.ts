import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema';
import { ticketComments, tickets } from './schema-domain';
import { bytea } from './types';

// Mail in and out, the files that come with tickets, and password resets by mail. The job queue
// keeps its own tables in the `pgboss` schema, made and migrated by pg-boss itself.

export const mailDirections = ['in', 'out'] as const;
export type MailDirection = (typeof mailDirections)[number];

// Every message we sent (to thread replies back to their ticket) and every message we read (so a
// Message-ID is processed once, also after a crash): the unique key is the "never twice".
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    direction: text('direction').$type<MailDirection>().notNull(),
    messageId: text('message_id').notNull(),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    commentId: uuid('comment_id').references(() => ticketComments.id, { onDelete: 'set null' }),
    /** For 'out' the recipient, for 'in' the sender's account (when there is one). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** What became of it: for 'out' the notification kind, for 'in' ticket, reply, or why it was skipped. */
    outcome: text('outcome').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('mail_messages_direction_message_id_key').on(table.direction, table.messageId),
    index('mail_messages_ticket_idx').on(table.ticketId),
    check('mail_messages_direction_check', sql`${table.direction} in ('in', 'out')`),
  ],
);

// A file on a ticket: on its description (no comment) or on one comment, whose visibility it shares.
export const ticketAttachments = pgTable(
  'ticket_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    commentId: uuid('comment_id').references(() => ticketComments.id, { onDelete: 'cascade' }),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('ticket_attachments_ticket_idx').on(table.ticketId, table.createdAt),
    index('ticket_attachments_comment_idx').on(table.commentId),
  ],
);

// "Forgot password": only the SHA-256 of the mailed token is kept; used once, then spent.
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('password_reset_tokens_token_hash_key').on(table.tokenHash),
    index('password_reset_tokens_user_idx').on(table.userId),
  ],
);
