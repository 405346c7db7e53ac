import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { keptResults, sharedFiguresKeptForMs } from '../kept-results';
import { offsetOf, type Page, type TotalOptions } from '../list-params';
import type { Executor } from './client';
import { countOrEstimate, type Total } from './count-or-estimate';

type PageRequest = { page: number; pageSize: number };

/** One page of a list and how many rows the whole list has (or about how many), both read at the same time. */
export async function readPage<Item>(
  request: PageRequest,
  items: PromiseLike<Item[]>,
  total: PromiseLike<number | Total>,
): Promise<Page<Item>> {
  const [pageItems, counted] = await Promise.all([items, total]);
  const page = { items: pageItems, page: request.page, pageSize: request.pageSize };
  if (typeof counted === 'number') return { ...page, total: counted };
  const { total: told, approximate, kept } = counted;
  if (!approximate && !kept) return { ...page, total: told };
  // A total that may be off, an estimate or a count kept from a few seconds ago, is bounded by the
  // page: one that is not full is the last, so the total is known; a full one holds at least as many
  // as it shows, and after it there may be more, so an estimate keeps "Next".
  const before = (request.page - 1) * request.pageSize;
  if (pageItems.length > 0 && pageItems.length < request.pageSize) return { ...page, total: before + pageItems.length };
  if (!approximate) return { ...page, total: pageItems.length > 0 ? Math.max(told, before + pageItems.length) : told };
  const seen = before + pageItems.length + (pageItems.length === request.pageSize ? 1 : 0);
  return { ...page, total: Math.max(told, seen), approximate: true };
}

const keptTotals = keptResults<number | Total>('list-totals', { keptForMs: sharedFiguresKeptForMs, max: 5_000 });

/**
 * How many rows of `list.table` match `list.where`, as `options` say (lib/list-params.ts):
 * `searched` lists may be estimated; `keptFor` names the person and filters a kept total is for.
 */
export function listTotal(
  executor: Executor,
  list: { table: PgTable; where: SQL | undefined; searched: boolean; keptFor: string },
  options: TotalOptions,
): Promise<number | Total> {
  const { table, where } = list;
  const count = () =>
    options.exactCountUpTo === undefined || !list.searched
      ? executor.$count(table, where)
      : countOrEstimate(executor, table, where, options.exactCountUpTo);
  if (!options.kept) return count();
  return keptTotals
    .get(list.keptFor, count)
    .then((counted) =>
      typeof counted === 'number' ? { total: counted, approximate: false, kept: true } : { ...counted, kept: true },
    );
}

/** The key of a list's kept total: the list, who sees it (as what role), and every filter but the page. */
export const totalKey = (list: string, viewer: { id: string; role: string }, query: { page: number }) =>
  `${list} ${viewer.id} ${viewer.role} ${JSON.stringify({ ...query, page: undefined })}`;

/**
 * A condition keeping only the rows of one page of a list. The page's ids are read first, alone,
 * which skips the offset inside an index; the query it narrows then joins only those rows, where
 * joining first would fetch and join every row skipped.
 *
 * The page size is written into the statement, not sent as a parameter: a prepared statement's
 * plan made once for every value (lib/db/prepared-statements.ts) must know how many rows it is
 * for, or it is planned for a tenth of the table and PostgreSQL keeps planning it each time.
 */
export function onPage(
  list: { table: PgTable & { id: PgColumn }; where: SQL | undefined; order: SQL[] },
  request: PageRequest,
): SQL {
  const { table, order } = list;
  const where = list.where ? sql` where ${list.where}` : sql``;
  const offset = offsetOf(request);
  const skip = offset > 0 ? sql` offset ${offset}` : sql``;
  const ids = sql`select ${table.id} from ${table}${where} order by ${sql.join(order, sql`, `)}`;
  return sql`${table.id} in (${ids} limit ${integerLiteral(request.pageSize)}${skip})`;
}

/** A count written into a statement's text: only a whole number ever is. */
function integerLiteral(value: number): SQL {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a row count: ${value}`);
  return sql.raw(String(value));
}
