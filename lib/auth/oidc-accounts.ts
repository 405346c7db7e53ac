import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AuditActor } from '../audit/record';
import { auditFor } from '../audit/record';
import type { Transaction } from '../db/client';
import { users, type UserRole } from '../db/schema';
import { oidcIdentities } from '../db/schema-oidc';
import { AppError } from '../errors';
import { cleanSingleLineText } from '../mail/incoming/mail-text';
import { freeUsername, usernameFor } from '../mail/incoming/sender';
import { anotherActiveAdminRemains } from '../users/mutations';
import { userIdentityColumns } from '../users/queries';
import { isMailAddress } from '../validation';
import { forgetSessionChecks } from './session-cache';
import { roleFromClaims, type RoleMapping } from './oidc-roles';
import { oidcRefusals, type OidcRefusalReason } from './oidc-refusals';

// Which account a single sign-on opens: the linked identity (issuer + subject), else a local
// account with the same address when the provider vouches for it, else a new requester. The
// provider's groups set the role at every sign-in when a role claim is set up. No HTTP here.

/** The claims of a verified ID token, with the UserInfo answer merged in. */
export type OidcClaims = Record<string, unknown> & { sub: string };

export type OidcAccount = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: UserRole;
  /** How this sign-in found the account. */
  matched: 'identity' | 'email' | 'created';
};

/** A sign-in the rules refuse; `reason` picks the words the sign-in page shows. */
export class OidcRefused extends AppError {
  readonly reason: OidcRefusalReason;
  constructor(reason: OidcRefusalReason) {
    super('forbidden', oidcRefusals[reason]);
    this.reason = reason;
  }
}

const auditUser = auditFor('user', (user: { username: string }) => ({ username: user.username }));

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The address, only when the provider says it is verified (an unverified one vouches for nobody) and
 * it is one mailbox the account forms would take.
 */
function verifiedEmail(claims: OidcClaims): string | null {
  const email = text(claims.email);
  return email && claims.email_verified === true && isMailAddress(email) ? email.toLowerCase() : null;
}

async function findLinked(tx: Transaction, issuer: string, subject: string) {
  const [row] = await tx
    .select({ ...userIdentityColumns, identityId: oidcIdentities.id })
    .from(oidcIdentities)
    .innerJoin(users, eq(users.id, oidcIdentities.userId))
    .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.subject, subject)))
    .limit(1);
  return row ?? null;
}

async function hasIdentityAt(tx: Transaction, issuer: string, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: oidcIdentities.id })
    .from(oidcIdentities)
    .where(and(eq(oidcIdentities.issuer, issuer), eq(oidcIdentities.userId, userId)))
    .limit(1);
  return row !== undefined;
}

async function findByEmail(tx: Transaction, email: string) {
  const [row] = await tx
    .select(userIdentityColumns)
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .orderBy(sql`${users.active} desc`, asc(users.createdAt))
    .limit(1);
  return row ?? null;
}

async function createRequester(tx: Transaction, who: AuditActor, claims: OidcClaims, email: string | null) {
  const base = text(claims.preferred_username) ?? email ?? `oidc-${claims.sub}`;
  const username = await freeUsername(tx, usernameFor(base));
  const displayName = cleanSingleLineText(text(claims.name) ?? '', 120) || username;
  // No password: an empty hash matches none, as for accounts made from mail.
  const [created] = await tx
    .insert(users)
    .values({ username, displayName, email, role: 'requester', passwordHash: '' })
    .returning(userIdentityColumns);
  await auditUser(tx, who, 'user.create', created, { role: 'requester', source: 'oidc' });
  return created;
}

async function applyRole(
  tx: Transaction,
  who: AuditActor,
  user: { id: string; username: string; role: UserRole },
  role: UserRole | null,
): Promise<UserRole> {
  if (role === null || role === user.role) return user.role;
  // The provider never takes the last active admin's role away: that would lock everyone out. The
  // check locks the admins as the admin pages' does, so two demotions at once cannot both pass.
  if (user.role === 'admin' && !(await anotherActiveAdminRemains(tx, user.id))) return user.role;
  await tx
    .update(users)
    .set({ role, version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, user.id));
  await auditUser(tx, who, 'user.role_change', user, { from: user.role, to: role, source: 'oidc' });
  forgetSessionChecks({ userId: user.id });
  return role;
}

/**
 * The account this provider identity signs in to, made or linked as needed, with its role set from
 * the claims. `who` is the sign-in as the audit log sees it (no user yet, its address).
 */
export async function accountForOidcSignIn(
  tx: Transaction,
  who: AuditActor,
  input: { issuer: string; claims: OidcClaims; roles: RoleMapping },
): Promise<OidcAccount> {
  const { issuer, claims } = input;
  if (!text(claims.sub)) throw new OidcRefused('no_subject');
  const email = verifiedEmail(claims);

  let account: Omit<OidcAccount, 'matched'> & { active: boolean };
  let matched: OidcAccount['matched'];
  const linked = await findLinked(tx, issuer, claims.sub);
  if (linked) {
    account = linked;
    matched = 'identity';
    await tx
      .update(oidcIdentities)
      .set({ lastSignInAt: sql`now()`, email })
      .where(eq(oidcIdentities.id, linked.identityId));
  } else {
    const claimedEmail = text(claims.email);
    const local = claimedEmail ? await findByEmail(tx, claimedEmail) : null;
    // An address the provider does not vouch for must not hand over someone's account; nor may an
    // address that moved on to someone new (jane@ reused for another Jane) hand over the old one's.
    if (local && !email) throw new OidcRefused('unverified_email');
    if (local && (await hasIdentityAt(tx, issuer, local.id))) throw new OidcRefused('email_in_use');
    account = local ?? (await createRequester(tx, who, claims, email));
    matched = local ? 'email' : 'created';
    await tx.insert(oidcIdentities).values({ issuer, subject: claims.sub, userId: account.id, email });
    if (local) await auditUser(tx, who, 'user.oidc_link', local, { issuer });
  }
  if (!account.active) throw new OidcRefused('disabled');

  const role = await applyRole(tx, who, account, roleFromClaims(claims, input.roles));
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    email: account.email,
    role,
    matched,
  };
}
