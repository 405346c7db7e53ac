import type { UserRole } from './db/schema';
import type { ApiTokenScope } from './db/schema-tokens';

// Who is acting, and from where. The boundary (lib/boundary/) builds one per request from the
// signed-in session; every domain function takes it as `(tx, actor, input)` and decides from it
// alone what the actor may see and change. Nothing here knows about HTTP.

export type Actor = {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: UserRole;
  /** The client's address as the server saw it (or a trusted proxy said), for the audit log. */
  ipAddress: string | null;
  /** The request being served, so audit rows and log lines can be matched up. */
  requestId: string | null;
  /** The session the request came with (to keep it when ending the others, or to end it). */
  sessionId: string | null;
  /** Set when the request came with an API token (Authorization: Bearer) instead of a session cookie. */
  apiToken?: { id: string; scope: ApiTokenScope };
};

/** Someone at the server's command line (scripts/): trusted like an admin, audited by where they were. */
export type CommandLineActor = {
  id: null;
  username: null;
  role: 'admin';
  ipAddress: string;
  requestId: null;
};

/** Agents and admins are IT staff: they work every ticket and asset; requesters only their own. */
export function isStaff(actor: { role: UserRole }): boolean {
  return actor.role === 'agent' || actor.role === 'admin';
}

export function isAdmin(actor: { role: UserRole }): boolean {
  return actor.role === 'admin';
}

export const staffRoles: readonly UserRole[] = ['agent', 'admin'];
export const adminRoles: readonly UserRole[] = ['admin'];

export function commandLineActor(where: string): CommandLineActor {
  return { id: null, username: null, role: 'admin', ipAddress: where, requestId: null };
}
