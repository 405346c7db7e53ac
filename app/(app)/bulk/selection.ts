import 'server-only';
import { assetListSchema } from '@/lib/assets/schemas';
import type { BulkTarget } from '@/lib/bulk/action';
import type { BulkSelection } from '@/lib/bulk/targets';
import { formatCount } from '@/lib/format-count';
import { parseListParamsLeniently } from '@/lib/list-params';
import { isUuid } from '@/lib/validation';
import { readTicketQueue } from '../tickets/queue-query';

// What the list's bulk bar sent: ticked ids, or "all matching" with the list's own filters, read
// the way the list reads them (the ticket queue's open-work default included), so "N matching"
// here is the list's N.

export type BulkScope = 'selected' | 'all';

export function selectionOf(target: BulkTarget, scope: BulkScope, ids: string[], filters: string): BulkSelection {
  if (scope === 'selected') return { target, ids: ids.filter(isUuid) };
  const given = Object.fromEntries(new URLSearchParams(filters));
  if (target === 'asset') return { target, filters: parseListParamsLeniently(assetListSchema, given) };
  return { target, filters: readTicketQueue(given, true).query };
}

const quietKeys = new Set(['sort', 'dir', 'page', 'pageSize']);

/** "3 selected assets" or "all assets matching status: open,pending; q: printer". */
export function scopeWords(noun: string, scope: BulkScope, count: number, filters: string): string {
  if (scope === 'selected') return `${formatCount(count)} selected ${noun}`;
  const narrowing = [...new URLSearchParams(filters)].filter(([key]) => !quietKeys.has(key));
  if (narrowing.length === 0) return `all ${noun}`;
  return `all ${noun} matching ${narrowing.map(([key, value]) => `${key}: ${value}`).join('; ')}`;
}
