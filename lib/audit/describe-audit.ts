// Words for the audit log's stored codes, and the names it shows for its rows. Pure: the names of
// the records a page of rows mentions are looked up beforehand, in one batch (audit-names.ts).
// A row's details are read here and only here, and only their safe parts come out: which fields
// changed, counts, the name of a holder. Never a key, a session id, an email body or a token.

type Details = Record<string, unknown>;

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
  'license.create': 'License created',
  'license.update': 'License updated',
  'license.key_reveal': 'Key revealed',
  'license.seat_assign': 'Seat assigned',
  'license.seat_unassign': 'Seat freed',
  'job.retried': 'Job retried',
  'job.retried_all': 'Failed jobs retried',
  'demo.seed': 'Demo data added',
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
};

const sentence = (code: string) => code.charAt(0).toUpperCase() + code.slice(1).replace(/[_.]/g, ' ');

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

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const count = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const record = (value: unknown): Details | null =>
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

const fieldWords: Readonly<Record<string, string>> = {
  assetTag: 'tag',
  assigneeId: 'assignee',
  assetIds: 'linked assets',
  displayName: 'name',
  expiresAt: 'expiry date',
  expectedReturn: 'return date',
  productKey: 'product key',
  purchaseDate: 'purchase date',
  purchaseCost: 'purchase cost',
  warrantyUntil: 'warranty end',
};

const fieldName = (key: string) => fieldWords[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const changedFields = (keys: string[]) => (keys.length > 0 ? `Changed: ${keys.map(fieldName).join(', ')}` : null);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const joined = (parts: unknown[], separator = '; ') =>
  parts.filter((part): part is string => typeof part === 'string' && part !== '').join(separator) || null;

function userLabel(names: AuditNames, id: unknown, recorded: unknown): string | null {
  const user = typeof id === 'string' ? names.users.get(id) : undefined;
  return user ? personName(user) : text(recorded);
}

function holder(details: Details, names: AuditNames): string | null {
  const assetTag = typeof details.assetId === 'string' ? names.assets.get(details.assetId) : undefined;
  return userLabel(names, details.userId, details.username) ?? assetTag ?? text(details.assetTag);
}

function sessionsEnded(details: Details): string | null {
  const ended = count(details.sessionsRevoked) ?? count(details.count);
  return ended ? `${plural(ended, 'session')} ended` : null;
}

const reasonWords: Readonly<Record<string, string>> = {
  unknown_user: 'no such user',
  no_password: 'the account has no password',
  wrong_password: 'wrong password',
  disabled: 'the account is disabled',
};

/** The user and asset ids an entry's details mention, so their names are looked up with the page's. */
export function mentionedIds(details: Details | null): { users: string[]; assets: string[] } {
  if (!details) return { users: [], assets: [] };
  const ids = (...values: unknown[]) => values.filter((value): value is string => typeof value === 'string');
  const assetIds: unknown[] = Array.isArray(details.assetIds) ? details.assetIds : [];
  return {
    users: ids(details.userId, details.ownerId, details.requesterId),
    assets: ids(details.assetId, ...assetIds),
  };
}

/** One line on what happened beyond the action's words, from the safe parts of its details; null when there is nothing to add. */
export function describeDetails(action: string, details: Details | null, names: AuditNames): string | null {
  if (!details) return null;
  const changes = record(details.changes);
  switch (action) {
    case 'ticket.create':
      return text(details.title) ? `“${text(details.title)}”` : null;
    case 'ticket.update': {
      const status = record(changes?.status);
      const rest = changedFields(Object.keys(changes ?? {}).filter((key) => key !== 'status'));
      const moved = status ? `Status: ${sentence(String(status.from))} → ${sentence(String(status.to))}` : null;
      return joined([moved, rest]);
    }
    case 'ticket.link_asset':
    case 'ticket.unlink_asset':
      return typeof details.assetId === 'string'
        ? (names.assets.get(details.assetId) ?? 'An asset that is gone')
        : null;
    case 'asset.create':
      return text(details.name) ? `“${text(details.name)}”` : null;
    case 'asset.update':
      return Array.isArray(details.changed) ? changedFields(details.changed.map(String)) : null;
    case 'asset.checkout': {
      const to = userLabel(names, details.userId, details.username);
      const due = text(details.expectedReturn);
      return to ? `To ${to}${due ? `, due back ${due}` : ''}` : null;
    }
    case 'asset.checkin': {
      const from = userLabel(names, details.userId, details.username);
      const status = text(details.status);
      return joined([from && `From ${from}`, status && `now ${sentence(status)}`]);
    }
    case 'asset.image_set': {
      const [width, height] = [count(details.width), count(details.height)];
      return width && height ? `${width} × ${height} pixels` : null;
    }
    case 'asset.import': {
      const tally = [
        `${count(details.created) ?? 0} created`,
        `${count(details.updated) ?? 0} updated`,
        `${count(details.skipped) ?? 0} skipped`,
      ].join(', ');
      return text(details.fileName) ? `${text(details.fileName)}: ${tally}` : tally;
    }
    case 'license.create': {
      const seats = count(details.seats);
      return joined([seats === null ? null : plural(seats, 'seat'), details.productKeySet && 'product key set'], ', ');
    }
    case 'license.update':
      return changedFields(Object.keys(changes ?? {}));
    case 'license.seat_assign':
      return holder(details, names) ? `To ${holder(details, names)}` : null;
    case 'license.seat_unassign':
      return holder(details, names) ? `From ${holder(details, names)}` : null;
    case 'user.create':
      return joined(
        [text(details.role) && `Role: ${sentence(String(details.role))}`, details.source === 'mail' && 'by mail'],
        ', ',
      );
    case 'user.role_change':
      return text(details.from) && text(details.to)
        ? `${sentence(String(details.from))} → ${sentence(String(details.to))}`
        : null;
    case 'user.details_change':
      return changedFields(Object.keys(record(details.to) ?? {}));
    case 'user.enable':
    case 'user.disable':
    case 'user.password_change':
    case 'user.password_reset':
    case 'session.revoke_others':
    case 'session.revoke_all':
      return sessionsEnded(details);
    case 'session.revoke': {
      const owner = userLabel(names, details.ownerId, null);
      return owner ? `Of ${owner}` : null;
    }
    case 'auth.login_failure': {
      const reason = text(details.reason);
      const who = text(details.username);
      return joined([who && `As ${who}`, reason && (reasonWords[reason] ?? sentence(reason))], ': ');
    }
    case 'auth.login_blocked':
      return text(details.username) ? `As ${text(details.username)}: too many attempts` : 'Too many attempts';
    case 'auth.password_reset_request':
      return details.matched === false ? 'No account matched' : details.sent === false ? 'Mail not sent again' : null;
    case 'job.retried_all':
      return count(details.jobs) === null ? null : plural(count(details.jobs)!, 'job');
    case 'demo.seed':
      return `${count(details.tickets) ?? 0} tickets, ${count(details.assets) ?? 0} assets`;
    default:
      return null;
  }
}
