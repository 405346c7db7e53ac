import type { AssetStatus } from '../db/enums';
import { assetStatusLabels } from './labels';

// Turns the audit rows of one asset into the lines of its history. Rows written before an edit
// recorded its before and after (details.changes) still name the fields that changed.

export type FieldChange = { field: string; from: string | null; to: string | null };

export type AssetHistoryEntry = {
  id: number;
  at: Date;
  /** Who did it, as they are named today; the name the row recorded when the user is gone. */
  by: string;
  event: string;
  summary: string | null;
  changes: FieldChange[];
};

export type AssetAuditRow = {
  id: number;
  at: Date;
  action: string;
  details: Record<string, unknown> | null;
  actorUsername: string | null;
  actorName: string | null;
  holderName: string | null;
};

const fieldLabels: Record<string, string> = {
  assetTag: 'Asset tag',
  name: 'Name',
  category: 'Category',
  manufacturer: 'Manufacturer',
  model: 'Model',
  serial: 'Serial',
  status: 'Status',
  location: 'Location',
  purchaseDate: 'Purchase date',
  purchaseCost: 'Purchase cost',
  warrantyEnd: 'Warranty end',
  notes: 'Notes',
};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
const statusLabel = (value: unknown): string | null =>
  typeof value === 'string' && Object.hasOwn(assetStatusLabels, value)
    ? assetStatusLabels[value as AssetStatus]
    : text(value);
const shown = (field: string, value: unknown) => (field === 'status' ? statusLabel(value) : text(value));

function changesOf(details: Record<string, unknown>): FieldChange[] {
  const recorded = details.changes;
  if (recorded && typeof recorded === 'object') {
    return Object.entries(recorded as Record<string, { from?: unknown; to?: unknown }>).map(([field, change]) => ({
      field: fieldLabels[field] ?? field,
      from: shown(field, change?.from),
      to: shown(field, change?.to),
    }));
  }
  const named = Array.isArray(details.changed) ? details.changed : [];
  return named.map((field) => ({ field: fieldLabels[String(field)] ?? String(field), from: null, to: null }));
}

function checkOutSummary(row: AssetAuditRow, details: Record<string, unknown>): string {
  const parts = [`to ${row.holderName ?? text(details.username) ?? 'a removed user'}`];
  const before = text(details.fromStatus);
  if (before && before !== 'in_stock') parts.push(`while ${statusLabel(before)}`);
  const back = text(details.expectedReturn);
  if (back) parts.push(`expected back ${back}`);
  return parts.join(', ');
}

function checkInSummary(row: AssetAuditRow, details: Record<string, unknown>, staff: boolean): string {
  const from = `from ${row.holderName ?? text(details.username) ?? 'a removed user'}`;
  const status = statusLabel(details.status);
  const notes = staff ? text(details.notes) : null;
  return [from, status ? `now ${status}` : null].filter(Boolean).join(', ') + (notes ? `. Notes: ${notes}` : '');
}

/** One line of an asset's history; `staff` decides whether internal notes are shown. */
export function describeAssetEvent(row: AssetAuditRow, { staff }: { staff: boolean }): AssetHistoryEntry {
  const details = row.details ?? {};
  const base = { id: row.id, at: row.at, by: row.actorName ?? row.actorUsername ?? 'the system', changes: [] };
  switch (row.action) {
    case 'asset.create':
      return { ...base, event: 'Created', summary: text(details.name) };
    case 'asset.update': {
      const changes = changesOf(details);
      const onlyStatus = changes.length === 1 && changes[0].field === fieldLabels.status;
      return { ...base, event: onlyStatus ? 'Status changed' : 'Edited', summary: null, changes };
    }
    case 'asset.checkout':
      return { ...base, event: 'Checked out', summary: checkOutSummary(row, details) };
    case 'asset.checkin':
      return { ...base, event: 'Checked in', summary: checkInSummary(row, details, staff) };
    case 'asset.image_set':
      return { ...base, event: 'Image set', summary: null };
    case 'asset.image_remove':
      return { ...base, event: 'Image removed', summary: null };
    case 'asset.seen':
      return { ...base, event: 'Seen in an audit', summary: text(details.location) };
    case 'asset.custom_field_removed':
      return {
        ...base,
        event: 'Custom field removed',
        summary: null,
        changes: [{ field: String(details.field), from: text(details.value), to: null }],
      };
    default:
      return { ...base, event: row.action, summary: null };
  }
}
