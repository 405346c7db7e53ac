// Words for the audit log's stored codes, and the names it shows for its rows. Pure: the names of
// the records a page of rows mentions are looked up beforehand, in one batch (audit-names.ts).
// What a row's details say is put in words in describe-details.ts.

export type Details = Record<string, unknown>;

/** What each stored action means, in the words people use; codes not listed read as their last part. */
export const auditActionWords: Readonly<Record<string, string>> = {
  'auth.login_success': 'Signed in',
  'auth.login_failure': 'Sign-in failed',
  'auth.login_blocked': 'Sign-in blocked',
  'auth.logout': 'Signed out',
  'auth.password_reset_request': 'Password reset requested',
  'auth.password_reset': 'Password reset by link',
  'session.revoke': 'Session ended',
  'session.revoke_others': 'Signed out everywhere else',
  'session.revoke_all': 'All sessions ended',
  'user.create': 'User created',
  'user.role_change': 'Role changed',
  'user.details_change': 'Name or email changed',
  'user.enable': 'User enabled',
  'user.disable': 'User disabled',
  'user.password_change': 'Password changed',
  'user.password_reset': 'Password reset by an admin',
  'user.notification_opt_outs': 'Mail preferences changed',
  'user.notify_unassigned': 'Unassigned-ticket mail changed',
  'ticket.create': 'Ticket opened',
  'ticket.update': 'Ticket updated',
  'ticket.comment': 'Replied',
  'ticket.internal_note': 'Internal note added',
  'ticket.link_asset': 'Asset linked',
  'ticket.unlink_asset': 'Asset unlinked',
  'asset.create': 'Asset created',
  'asset.update': 'Asset updated',
  'asset.checkout': 'Checked out',
  'asset.checkin': 'Checked in',
  'asset.image_set': 'Picture set',
  'asset.image_remove': 'Picture removed',
  'asset.import': 'Assets imported',
  'label_logo.set': 'Label logo set',
  'label_logo.remove': 'Label logo removed',
  'license.create': 'License created',
  'license.update': 'License updated',
  'license.key_reveal': 'Key revealed',
  'license.seat_assign': 'Seat assigned',
  'license.seat_unassign': 'Seat freed',
  'job.retried': 'Job retried',
  'job.retried_all': 'Failed jobs retried',
  'demo.seed': 'Demo data added',
  'catalog.add': 'List value added',
  'catalog.rename': 'List value renamed',
  'catalog.remove': 'List value removed',
  'passkey.registered': 'Passkey added',
  'passkey.renamed': 'Passkey renamed',
  'passkey.removed': 'Passkey removed',
  'api_token.create': 'API token created',
  'api_token.revoke': 'API token revoked',
  'api_token.new_address': 'API token used from a new address',
  'kb_article.create': 'Article created',
  'kb_article.update': 'Article updated',
  'kb_article.solved': 'Article solved a problem',
  'canned_reply.create': 'Canned reply added',
  'canned_reply.update': 'Canned reply changed',
  'canned_reply.remove': 'Canned reply removed',
  'saved_view.create': 'View saved',
  'saved_view.rename': 'View renamed',
  'saved_view.remove': 'View removed',
};

/** The areas actions belong to (the part before the first dot), as the action list groups them. */
export const auditActionAreas: Readonly<Record<string, string>> = {
  auth: 'Sign-in',
  session: 'Sessions',
  user: 'Users',
  ticket: 'Tickets',
  asset: 'Assets',
  license: 'Licenses',
  job: 'Jobs',
  demo: 'Demo data',
  catalog: 'Lists',
  passkey: 'Passkeys',
  api_token: 'API tokens',
  kb_article: 'Knowledge base',
  canned_reply: 'Canned replies',
  saved_view: 'Saved views',
};

/** The kinds of record an entry can be about. */
export const auditKinds: Readonly<Record<string, string>> = {
  ticket: 'Ticket',
  asset: 'Asset',
  license: 'License',
  user: 'User',
  session: 'Session',
  job: 'Job',
  job_queue: 'Job queue',
  catalog_value: 'List value',
  passkey: 'Passkey',
  kb_article: 'Article',
  label_logo: 'Label logo',
  canned_reply: 'Canned reply',
  saved_view: 'Saved view',
};

export const sentence = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/[_.]/g, ' ');

export function describeAction(action: string): string {
  return auditActionWords[action] ?? sentence(action.slice(action.lastIndexOf('.') + 1));
}

/** An entry's action in words; an update that only moved the status says so. */
export function describeEntryAction(action: string, details: Details | null): string {
  const changed =
    action === 'ticket.update'
      ? Object.keys(record(details?.changes) ?? {})
      : action === 'asset.update' && Array.isArray(details?.changed)
        ? details.changed
        : [];
  return changed.length === 1 && changed[0] === 'status' ? 'Status changed' : describeAction(action);
}

export function describeKind(kind: string): string {
  return auditKinds[kind] ?? sentence(kind);
}

/** The names of the records a page of rows mentions, by id; a record that is gone is missing. */
export type AuditNames = {
  users: ReadonlyMap<string, { displayName: string; username: string }>;
  tickets: ReadonlyMap<string, number>;
  assets: ReadonlyMap<string, string>;
  licenses: ReadonlyMap<string, string>;
};

/** What an entry is about: `id` is set only when the record still exists and has a page. */
export type AuditTarget = { kind: string; id: string | null; label: string };

export const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
export const count = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
export const record = (value: unknown): Details | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Details) : null;

export function personName(user: { displayName: string; username: string }): string {
  return user.displayName && user.displayName !== user.username
    ? `${user.displayName} (${user.username})`
    : user.username;
}

/** The record an entry is about, named by its reference, tag or name; as recorded when it is gone. */
export function describeTarget(
  kind: string | null,
  id: string | null,
  details: Details | null,
  names: AuditNames,
): AuditTarget | null {
  if (!kind) return null;
  const found = (label: string | null | undefined) =>
    label ? { kind, id, label } : { kind, id: null, label: recordedName(kind, details) };
  switch (kind) {
    case 'ticket': {
      const number = id ? names.tickets.get(id) : undefined;
      return found(number === undefined ? null : `T-${number}`);
    }
    case 'asset':
      return found(id ? names.assets.get(id) : null);
    case 'license':
      return found(id ? names.licenses.get(id) : null);
    case 'user': {
      const user = id ? names.users.get(id) : undefined;
      return found(user ? personName(user) : null);
    }
    case 'job':
      // A job has no page of its own, and its id says nothing to a person: its queue does.
      return { kind, id: null, label: `Job in ${text(details?.queue) ?? 'a queue'}` };
    case 'api_token':
      // Named by its non-secret prefix, never its id.
      return { kind, id: null, label: `API token ${text(details?.prefix) ?? ''}`.trim() };
    case 'job_queue':
      return { kind, id: null, label: `Queue ${id ?? ''}`.trim() };
    default:
      // A session's id is a credential's name: never shown.
      return { kind, id: null, label: describeKind(kind) };
  }
}

function recordedName(kind: string, details: Details | null): string {
  const recorded =
    text(details?.reference) ?? text(details?.assetTag) ?? text(details?.name) ?? text(details?.username);
  return recorded ? `${recorded} (gone)` : `A ${describeKind(kind).toLowerCase()} that is gone`;
}
