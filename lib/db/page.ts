import 'server-only';
import { inArray, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { offsetOf, type Page } from '../list-params';
import type { Executor } from './client';
import type { Total } from './count-or-estimate';

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
  if (!counted.approximate) return { ...page, total: counted.total };
  // An estimate may be off either way, and the page bounds it: one that is not full is the last,
  // so the total is known; after a full one there may be more, so "Next" must stay.
  const before = (request.page - 1) * request.pageSize;
  if (pageItems.length > 0 && pageItems.length < request.pageSize) return { ...page, total: before + pageItems.length };
  const seen = before + pageItems.length + (pageItems.length === request.pageSize ? 1 : 0);
  return { ...page, total: Math.max(counted.total, seen), approximate: true };
}

/**
 * A condition keeping only the rows of one page of a list. The page's ids are read first, alone,
 * which skips the offset inside an index; the query it narrows then joins only those rows, where
 * joining first would fetch and join every row skipped.
 */
export function onPage(
  executor: Executor,
  list: { table: PgTable & { id: PgColumn }; where: SQL | undefined; order: SQL[] },
  request: PageRequest,
): SQL {
  const table: PgTable = list.table; // drizzle's from() cannot check a table given as a generic
  const ids = executor
    .select({ id: list.table.id })
    .from(table)
    .where(list.where)
    .orderBy(...list.order)
    .limit(request.pageSize)
    .offset(offsetOf(request));
  return inArray(list.table.id, ids);
}
