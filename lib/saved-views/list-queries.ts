import 'server-only';
import { isStaff, type Actor } from '../actor';
import { listAssets } from '../assets/queries';
import { assetListSchema } from '../assets/schemas';
import type { Executor } from '../db/client';
import type { SavedViewList } from '../db/schema-desk';
import { parseListParamsLeniently, searchParamsToObject } from '../list-params';
import { listTickets } from '../tickets/list';
import { allStatuses, openWorkStatuses } from '../tickets/rules';
import { ticketListPageSchema, ticketQueryObject } from '../tickets/schemas';

// A saved view is a list's query string. These read it the way the list pages do, and count its
// rows with the list's own query (listTickets / listAssets, kept counts included), one page of one row.

const listPath: Record<SavedViewList, string> = { tickets: '/tickets', assets: '/assets' };

function knownKeys(list: SavedViewList): Set<string> {
  const shape = list === 'tickets' ? ticketListPageSchema.shape : assetListSchema.shape;
  return new Set(Object.keys(shape).filter((key) => key !== 'page'));
}

/**
 * The query string kept for a view: the list's own parameters only, in a stable order, without
 * the page (a view opens on its first page). Ticket statuses may be several (comma-joined) or "all".
 */
export function normalizeViewQuery(list: SavedViewList, query: string): string {
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const keys = knownKeys(list);
  const object = list === 'tickets' ? ticketQueryObject(params) : searchParamsToObject(params);
  const kept = Object.entries(object)
    .filter(([key, value]) => keys.has(key) && value !== '')
    .sort(([a], [b]) => a.localeCompare(b));
  return new URLSearchParams(kept).toString();
}

/** Where the view opens: its list with its query. */
export function viewHref(list: SavedViewList, query: string): string {
  return query ? `${listPath[list]}?${query}` : listPath[list];
}

/** The ticket list's query as its page reads it (app/(app)/tickets/queue-query.ts): staff default to open work. */
function ticketQuery(actor: Actor, query: string) {
  const given = ticketQueryObject(new URLSearchParams(query));
  const everyStatus = given.status?.split(',').includes(allStatuses) ?? false;
  const rest = Object.fromEntries(Object.entries(given).filter(([key]) => key !== 'status'));
  const parsed = parseListParamsLeniently(ticketListPageSchema, everyStatus ? rest : given);
  if (isStaff(actor) && !everyStatus && !parsed.status?.length) parsed.status = [...openWorkStatuses];
  return parsed;
}

/** How many rows the view's list shows `actor`: the list's own count, for a page of one row. */
export async function countViewRows(
  executor: Executor,
  actor: Actor,
  view: { list: SavedViewList; query: string },
): Promise<number> {
  if (view.list === 'tickets') {
    const query = ticketQuery(actor, view.query);
    return (await listTickets(executor, actor, { ...query, page: 1, pageSize: 1 })).total;
  }
  const params = parseListParamsLeniently(assetListSchema, searchParamsToObject(new URLSearchParams(view.query)));
  return (await listAssets(executor, actor, { ...params, page: 1, pageSize: 1 })).total;
}
