// A row's details are read here and only here, and only their safe parts come out: which fields
// changed, counts, the name of a holder. Never a key, a session id, an email body or a token.

import { count, personName, record, sentence, text, type AuditNames, type Details } from './describe-audit';

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

// A code key (assetTag) reads as words; a custom field's name (RAM GB) stays as its admin typed it.
const fieldName = (key: string) =>
  fieldWords[key] ?? (/^[a-z][a-zA-Z]*$/.test(key) ? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : key);
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
  const tokens = count(details.tokensRevoked);
  const parts = [
    ended ? `${plural(ended, 'session')} ended` : null,
    tokens ? `${plural(tokens, 'API token')} revoked` : null,
  ];
  return parts.filter(Boolean).join(', ') || null;
}

const reasonWords: Readonly<Record<string, string>> = {
  unknown_user: 'no such user',
  no_password: 'the account has no password',
  wrong_password: 'wrong password',
  disabled: 'the account is disabled',
  unknown_passkey: 'a passkey nobody registered',
  bad_assertion: "the passkey's answer did not check out",
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
    case 'auth.login_success':
      return details.method === 'passkey' && text(details.passkey)
        ? `With the passkey “${text(details.passkey)}”`
        : null;
    case 'passkey.registered':
    case 'passkey.removed':
      return text(details.name) ? `“${text(details.name)}”` : null;
    case 'passkey.renamed':
      return text(details.name) ? `“${text(details.from) ?? ''}” → “${text(details.name)}”` : null;
    case 'auth.login_blocked':
      return text(details.username) ? `As ${text(details.username)}: too many attempts` : 'Too many attempts';
    case 'auth.password_reset_request':
      return details.matched === false ? 'No account matched' : details.sent === false ? 'Mail not sent again' : null;
    case 'job.retried_all':
      return count(details.jobs) === null ? null : plural(count(details.jobs)!, 'job');
    case 'catalog.add':
    case 'catalog.remove':
      return text(details.name) ? `“${text(details.name)}”` : null;
    case 'catalog.rename': {
      // An asset list's rename counts `assets`, the ticket categories' one `tickets`, the article categories' `articles`.
      const record = (['tickets', 'articles', 'assets'] as const).find((key) => count(details[key]) !== null);
      const on = record ? plural(count(details[record])!, record.slice(0, -1)) : null;
      return text(details.from) && text(details.to)
        ? joined([`“${text(details.from)}” → “${text(details.to)}”`, on && `on ${on}`], ', ')
        : null;
    }
    case 'demo.seed':
      return `${count(details.tickets) ?? 0} tickets, ${count(details.assets) ?? 0} assets`;
    case 'api_token.create':
      return joined(
        [text(details.name) && `“${text(details.name)}”`, text(details.scope) && `${text(details.scope)} scope`],
        ', ',
      );
    case 'api_token.revoke':
      return text(details.name) ? `“${text(details.name)}”` : null;
    case 'api_token.new_address':
      return text(details.address) ? `From ${text(details.address)}` : null;
    default:
      return details.viaApiToken ? 'With an API token' : null;
  }
}
