import 'server-only';
import { generateRegistrationOptions, verifyRegistrationResponse } from '@simplewebauthn/server';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { and, asc, count, eq } from 'drizzle-orm';
import type { Actor } from '../actor';
import { auditFor } from '../audit/record';
import { getConfig } from '../config';
import type { Executor, Transaction } from '../db/client';
import { passkeys } from '../db/schema-passkeys';
import { AppError } from '../errors';
import { log } from '../log';
import { isUuid, parseInput } from '../validation';
import { issueChallenge, takeChallenge } from './passkey-challenges';
import { relyingParty, type RelyingParty } from './passkey-relying-party';
import { passkeyNameSchema, registrationResponseSchema, type RegistrationAnswer } from './passkey-schemas';
import { refuseApiToken } from './signed-in-only';

// A user's own passkeys: made, listed, renamed and removed from their account page. Each user sees
// and changes only theirs; another user's passkey is "not found".

const managePasskeys = 'add, rename or remove passkeys';

export const maxPasskeysPerUser = 20;

export type PasskeySummary = {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  transports: string[];
};

const summaryColumns = {
  id: passkeys.id,
  name: passkeys.name,
  createdAt: passkeys.createdAt,
  lastUsedAt: passkeys.lastUsedAt,
  transports: passkeys.transports,
};

const auditPasskey = auditFor<{ name: string }>('passkey', (passkey) => ({ name: passkey.name }));

/** The relying party, or the reason passkeys are off as a clear refusal. */
export function requireRelyingParty(): RelyingParty {
  const party = relyingParty(getConfig());
  if (!party.enabled) throw new AppError('unprocessable', party.reason);
  return party;
}

export async function listPasskeys(executor: Executor, userId: string): Promise<PasskeySummary[]> {
  return executor
    .select(summaryColumns)
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

/** What the browser needs to make a passkey for the actor; its challenge waits on the server. */
export async function passkeyRegistrationOptions(
  tx: Transaction,
  actor: Actor,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  refuseApiToken(actor, managePasskeys);
  const party = requireRelyingParty();
  const existing = await tx
    .select({ credentialId: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, actor.id));
  if (existing.length >= maxPasskeysPerUser) {
    throw new AppError(
      'conflict',
      `You have ${maxPasskeysPerUser} passkeys, the most an account may have. Remove one first.`,
    );
  }
  const challenge = await issueChallenge(tx, 'register', actor.id);
  return generateRegistrationOptions({
    rpName: party.name,
    rpID: party.id,
    userName: actor.username,
    userDisplayName: actor.displayName,
    // The user handle a passkey carries: the account's id, which never changes (a username may).
    userID: new TextEncoder().encode(actor.id),
    challenge: new Uint8Array(Buffer.from(challenge, 'base64url')),
    attestationType: 'none',
    // The same authenticator twice would only be a confusing second entry.
    excludeCredentials: existing.map((row) => ({ id: row.credentialId, transports: row.transports })),
    // A discoverable credential with user verification: that is what lets it sign in alone.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
}

const unreadable = () =>
  new AppError('validation_failed', 'The passkey could not be checked. Try again, or try another authenticator.');

/** Checks the browser's answer against the actor's waiting challenge and stores the new passkey. */
export async function registerPasskey(
  tx: Transaction,
  actor: Actor,
  input: { name: string; response: RegistrationAnswer },
): Promise<PasskeySummary> {
  refuseApiToken(actor, managePasskeys);
  const party = requireRelyingParty();
  const name = parseInput(passkeyNameSchema, input.name);
  const response = parseInput(registrationResponseSchema, input.response);
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: (challenge) => takeChallenge(tx, challenge, 'register', actor.id),
      expectedOrigin: party.origin,
      expectedRPID: party.id,
      requireUserVerification: true,
    });
  } catch (error) {
    log.warn('passkey.register_refused', { userId: actor.id, reason: (error as Error).message });
    throw unreadable();
  }
  if (!verification.verified) throw unreadable();
  const { credential } = verification.registrationInfo;

  const [{ total }] = await tx.select({ total: count() }).from(passkeys).where(eq(passkeys.userId, actor.id));
  if (total >= maxPasskeysPerUser) {
    throw new AppError(
      'conflict',
      `You have ${maxPasskeysPerUser} passkeys, the most an account may have. Remove one first.`,
    );
  }
  const [stored] = await tx
    .insert(passkeys)
    .values({
      userId: actor.id,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name,
    })
    .onConflictDoNothing({ target: passkeys.credentialId })
    .returning(summaryColumns);
  if (!stored) throw new AppError('conflict', 'This passkey is already registered.');
  await auditPasskey(tx, actor, 'passkey.registered', stored);
  return stored;
}

async function ownPasskey(tx: Transaction, actor: Actor, id: string): Promise<{ id: string; name: string }> {
  const [row] = isUuid(id)
    ? await tx
        .select({ id: passkeys.id, name: passkeys.name })
        .from(passkeys)
        .where(and(eq(passkeys.id, id), eq(passkeys.userId, actor.id)))
        .for('update')
    : [];
  if (!row) throw new AppError('not_found', 'That passkey was not found. It may have been removed already.');
  return row;
}

export async function renamePasskey(
  tx: Transaction,
  actor: Actor,
  input: { id: string; name: string },
): Promise<PasskeySummary> {
  refuseApiToken(actor, managePasskeys);
  const name = parseInput(passkeyNameSchema, input.name);
  const before = await ownPasskey(tx, actor, input.id);
  const [renamed] = await tx.update(passkeys).set({ name }).where(eq(passkeys.id, before.id)).returning(summaryColumns);
  await auditPasskey(tx, actor, 'passkey.renamed', renamed, { from: before.name });
  return renamed;
}

/** Removes one of the actor's passkeys; it can no longer sign in. */
export async function removePasskey(tx: Transaction, actor: Actor, input: { id: string }): Promise<{ name: string }> {
  refuseApiToken(actor, managePasskeys);
  const passkey = await ownPasskey(tx, actor, input.id);
  await tx.delete(passkeys).where(eq(passkeys.id, passkey.id));
  await auditPasskey(tx, actor, 'passkey.removed', passkey);
  return { name: passkey.name };
}
