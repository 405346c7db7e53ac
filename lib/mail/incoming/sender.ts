import 'server-only';
import { sessionUserColumns, userIdentityColumns } from '../../users/queries';
import { randomBytes } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../actor';
import { recordAudit } from '../../audit/record';
import type { Executor, Transaction } from '../../db/client';
import { users, type UserRole } from '../../db/schema';
import { cleanSingleLineText } from './mail-text';

// Who a mail is from, as an account of the app. A mail sender acts like a signed-in user with no
// session: the audit log shows 'mail' where a request would show an address.

export const mailActorAddress = 'mail';

type SenderRow = { id: string; username: string; displayName: string; email: string | null; role: UserRole };

/** The Actor for a mail from `user`: their role, no session, no request, audited as "mail". */
export function mailActor(user: SenderRow): Actor {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    role: user.role,
    ipAddress: mailActorAddress,
    requestId: null,
    sessionId: null,
  };
}

const senderColumns = userIdentityColumns;

/** The account with this address (case-insensitive), active ones first, then the oldest. */
export async function findSender(
  executor: Executor,
  address: string,
): Promise<(SenderRow & { active: boolean }) | null> {
  const [row] = await executor
    .select(senderColumns)
    .from(users)
    .where(eq(sql`lower(${users.email})`, address.toLowerCase()))
    .orderBy(sql`${users.active} desc`, asc(users.createdAt))
    .limit(1);
  return row ?? null;
}

const usernamePattern = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;
const maxUsernameLength = 64;

/** A username for an address: the address itself when it is a valid one, else its cleaned local part. */
export function usernameFor(address: string): string {
  if (address.length <= maxUsernameLength && usernamePattern.test(address)) return address;
  const local = address
    .split('@')[0]
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, maxUsernameLength - 8);
  return local.length >= 2 ? local : `mail-${local || 'user'}`;
}

async function usernameTaken(tx: Transaction, username: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
    .limit(1);
  return Boolean(row);
}

/** `base`, or `base` with a number when another account has it (case-insensitive). */
export async function freeUsername(tx: Transaction, base: string): Promise<string> {
  if (!(await usernameTaken(tx, base))) return base;
  for (let suffix = 2; suffix < 20; suffix += 1) {
    const candidate = `${base.slice(0, maxUsernameLength - 4)}-${suffix}`;
    if (!(await usernameTaken(tx, candidate))) return candidate;
  }
  return `${base.slice(0, maxUsernameLength - 9)}-${randomBytes(4).toString('hex')}`;
}

/**
 * Makes a requester account for an unknown sender: no password (an empty hash matches none; they
 * set one through "Forgot password"), audited as made by mail.
 */
export async function createMailRequester(
  tx: Transaction,
  sender: { address: string; name: string },
): Promise<SenderRow> {
  const username = await freeUsername(tx, usernameFor(sender.address));
  const [created] = await tx
    .insert(users)
    .values({
      username,
      displayName: cleanSingleLineText(sender.name, 120) || username,
      email: sender.address.slice(0, 254),
      role: 'requester',
      passwordHash: '',
    })
    .returning(sessionUserColumns);
  await recordAudit(
    tx,
    { id: null, username: null, ipAddress: mailActorAddress, requestId: null },
    {
      action: 'user.create',
      target: { type: 'user', id: created.id },
      details: { username: created.username, role: 'requester', source: 'mail' },
    },
  );
  return created;
}
