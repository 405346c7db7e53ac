import { parseListParamsLeniently } from '@/lib/list-params';
import { allStatuses, openWorkStatuses } from '@/lib/tickets/rules';
import { ticketListPageSchema, ticketQueryObject, type TicketListQuery, type TicketSort } from '@/lib/tickets/schemas';
import type { SortLink } from './ticket-rows';

/**
 * The ticket list's query from the URL. Staff with no status chosen see open work (new, open,
 * pending), soonest SLA due first; `status=all` shows every status. `raw` is what links on the page keep, with the status
 * the list really shows, so the export and the other pages match it.
 */
export function readTicketQueue(params: Record<string, string | string[] | undefined>, staff: boolean) {
  const given = ticketQueryObject(params);
  const everyStatus = given.status?.split(',').includes(allStatuses) ?? false;
  const rest = Object.fromEntries(Object.entries(given).filter(([key]) => key !== 'status'));
  const query: TicketListQuery = parseListParamsLeniently(ticketListPageSchema, everyStatus ? rest : given);
  // The agents' queue: the soonest SLA due first, unless they choose another order.
  if (staff && !given.sort) query.sort = 'due';
  const openWork = staff && !everyStatus && !query.status?.length;
  if (openWork) query.status = [...openWorkStatuses];
  const raw: Record<string, string> = openWork
    ? { ...rest, status: openWorkStatuses.join(',') }
    : everyStatus
      ? { ...rest, status: allStatuses }
      : given;
  // The export route reads the list's own parameters only: every status is no status parameter.
  // It has no queue of its own, so it is told the order the page shows.
  const listed = everyStatus ? rest : raw;
  const exportParams = given.sort ? listed : { ...listed, sort: query.sort, dir: query.dir };
  return { query, raw, exportParams, everyStatus };
}

/** A column header's link: sorts by that column, or flips the order if it already does; keeps the filters. */
export function sortLinks(
  raw: Record<string, string>,
  query: TicketListQuery,
  columns: readonly TicketSort[],
): Partial<Record<TicketSort, SortLink>> {
  return Object.fromEntries(
    columns.map((column) => {
      const current = query.sort === column;
      const dir = current && query.dir === 'desc' ? 'asc' : 'desc';
      const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'page'));
      const href = `/tickets?${new URLSearchParams({ ...kept, sort: column, dir })}`;
      const ariaSort = current ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none';
      return [column, { href, ariaSort }];
    }),
  );
}
