import 'server-only';
import { count, eq, sql, type AnyColumn } from 'drizzle-orm';
import type { Executor, Transaction } from '../db/client';
import type { CatalogKind } from '../db/schema-catalog';
import { assets, tickets } from '../db/schema-domain';
import { kbArticles } from '../db/schema-kb';

// Which managed lists exist and what uses them: the one place that knows a list's words, its
// longest value and the records that carry its values as text.

export const catalogLabels: Record<
  CatalogKind,
  { title: string; one: string; usedBy: 'Assets' | 'Tickets' | 'Articles' }
> = {
  category: { title: 'Asset categories', one: 'asset category', usedBy: 'Assets' },
  manufacturer: { title: 'Manufacturers', one: 'manufacturer', usedBy: 'Assets' },
  model: { title: 'Models', one: 'model', usedBy: 'Assets' },
  ticket_category: { title: 'Ticket categories', one: 'ticket category', usedBy: 'Tickets' },
  kb_category: { title: 'Article categories', one: 'article category', usedBy: 'Articles' },
};

/** The same limits as the forms' fields (lib/assets/schemas.ts, lib/tickets/schemas.ts). */
export const catalogMaxLength: Record<CatalogKind, number> = {
  category: 64,
  manufacturer: 120,
  model: 120,
  ticket_category: 60,
  kb_category: 60,
};

/** Which of a record's fields hold a value of which list. */
export type CatalogFieldKinds = Readonly<Record<string, CatalogKind>>;
export const assetListFields = { category: 'category', manufacturer: 'manufacturer', model: 'model' } as const;
export const ticketListFields = { category: 'ticket_category' } as const;
export const articleListFields = { category: 'kb_category' } as const;

function usingColumn(kind: CatalogKind): AnyColumn {
  if (kind === 'ticket_category') return tickets.category;
  if (kind === 'kb_category') return kbArticles.category;
  return kind === 'category' ? assets.category : kind === 'manufacturer' ? assets.manufacturer : assets.model;
}

function usingTable(kind: CatalogKind) {
  if (kind === 'ticket_category') return tickets;
  return kind === 'kb_category' ? kbArticles : assets;
}

export const sameName = (column: AnyColumn, name: string) => eq(sql`lower(${column})`, name.toLowerCase());

/** How many records use each value of `kind`, by its lower-case spelling. */
export async function countUses(executor: Executor, kind: CatalogKind): Promise<Map<string, number>> {
  const key = sql<string>`lower(${usingColumn(kind)})`;
  const table = usingTable(kind);
  const rows = await executor.select({ key, uses: count() }).from(table).groupBy(key);
  return new Map(rows.map((row) => [row.key, row.uses]));
}

/** How many records use the value `name` of `kind`, in any letter case. */
export function countUsesOf(tx: Transaction, kind: CatalogKind, name: string): Promise<number> {
  return tx.$count(usingTable(kind), sameName(usingColumn(kind), name));
}

/**
 * Writes `to` on every record using `from` (any letter case), each at a new version so a form
 * opened before cannot put the old name back. An asset's updated_at moves on; a ticket's stays,
 * since a renamed list value is no news on the ticket for its agents (lib/tickets/reads.ts).
 */
export async function renameWhereUsed(tx: Transaction, kind: CatalogKind, from: string, to: string): Promise<number> {
  if (kind === 'ticket_category') {
    const renamed = await tx
      .update(tickets)
      .set({ category: to, version: sql`${tickets.version} + 1` })
      .where(sameName(tickets.category, from))
      .returning({ id: tickets.id });
    return renamed.length;
  }
  if (kind === 'kb_category') {
    const renamed = await tx
      .update(kbArticles)
      .set({ category: to, version: sql`${kbArticles.version} + 1` })
      .where(sameName(kbArticles.category, from))
      .returning({ id: kbArticles.id });
    return renamed.length;
  }
  const renamed = await tx
    .update(assets)
    .set({ [kind]: to, version: sql`${assets.version} + 1`, updatedAt: sql`now()` })
    .where(sameName(usingColumn(kind), from))
    .returning({ id: assets.id });
  return renamed.length;
}
