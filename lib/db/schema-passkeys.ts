import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema';

// Passkeys (WebAuthn credentials) a user registered from their account page, and the challenges
// the server handed out for a registration or a sign-in that is under way.

export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The credential id the authenticator chose, base64url: how a sign-in finds its passkey. */
    credentialId: text('credential_id').notNull(),
    /** The COSE public key, base64url; text rather than bytea so both drivers hand back the same shape. */
    publicKey: text('public_key').notNull(),
    /** The authenticator's signature counter (32 bits, unsigned); one that does not grow is refused (a cloned key). */
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: jsonb('transports').$type<string[]>().notNull().default([]),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('passkeys_credential_id_key').on(table.credentialId),
    index('passkeys_user_idx').on(table.userId),
  ],
);

export const passkeyChallengePurposes = ['register', 'sign-in'] as const;
export type PasskeyChallengePurpose = (typeof passkeyChallengePurposes)[number];

// A challenge is taken (deleted) by the one answer that uses it, so an answer cannot be replayed,
// and it lives in the database so any process of a cluster can check it.
export const passkeyChallenges = pgTable(
  'passkey_challenges',
  {
    challenge: text('challenge').primaryKey(),
    purpose: text('purpose').$type<PasskeyChallengePurpose>().notNull(),
    /** The user registering; null for a sign-in, where nobody is known yet. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('passkey_challenges_expires_idx').on(table.expiresAt),
    check('passkey_challenges_purpose_check', sql`${table.purpose} in ('register', 'sign-in')`),
  ],
);
