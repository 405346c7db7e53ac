import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, type UserRole } from './schema';

// Second factors, kept apart from the users table that every session check reads.

/** One authenticator app per user; it counts only once confirmed with a valid code. */
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** The base32 secret, sealed by lib/crypto/secret-box.ts; never sent after enrolment. */
  secretSealed: text('secret_sealed').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The newest 30-second step a code was accepted for: a code is refused unless its step is later (replay). */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Single-use recovery codes, stored as SHA-256 of 80 random bits (lib/auth/recovery-codes.ts). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('recovery_codes_user_idx').on(table.userId, table.codeHash)],
);

/** The instance setting "these roles must use a second factor": one row per role that must. */
export const secondFactorRequiredRoles = pgTable(
  'second_factor_required_roles',
  {
    role: text('role').$type<UserRole>().primaryKey(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('second_factor_required_roles_role_check', sql`${table.role} in ('admin', 'agent', 'requester')`)],
);
