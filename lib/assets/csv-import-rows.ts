import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../errors';
import { assetStatuses, type AssetStatus } from '../db/schema-domain';
import { isIsoDate, normalizeCost } from './schemas';

// Reading and checking an import file, row by row, without the database. Every problem is kept
// with the line it came from (the header is line 1) so the user can fix the file in one pass.

export const maxImportRows = 50_000;
export const maxImportBytes = 10 * 1024 * 1024;

export const importColumns = [
  'asset_tag',
  'name',
  'category',
  'manufacturer',
  'model',
  'serial',
  'status',
  'location',
  'purchase_date',
  'purchase_cost',
  'warranty_end',
  'notes',
] as const;
type ImportColumn = (typeof importColumns)[number];

export type ImportError = { line: number; message: string };

/** The values a row sets; a column absent from the file or a blank cell leaves an existing asset's value alone. */
export type ImportValues = {
  name: string;
  category?: string;
  manufacturer?: string;
  model?: string;
  serial?: string;
  status?: AssetStatus;
  location?: string;
  purchaseDate?: string;
  purchaseCost?: string;
  warrantyEnd?: string;
  notes?: string;
};
export type ImportRow = { line: number; assetTag: string; values: ImportValues };
export type ParsedImport = { rows: ImportRow[]; errors: ImportError[]; total: number };

const maxLength: Partial<Record<ImportColumn, number>> = { asset_tag: 64, name: 200, category: 64, notes: 5000 };
const textColumns = {
  category: 'category',
  manufacturer: 'manufacturer',
  model: 'model',
  serial: 'serial',
  location: 'location',
  notes: 'notes',
} as const;

/** "Asset Tag", "asset-tag" and "ASSET_TAG" all name the asset_tag column. */
export function normalizeHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** "In stock", "in-stock" and "IN_STOCK" are all in_stock. */
function parseStatus(text: string): AssetStatus | null {
  const status = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (assetStatuses as readonly string[]).includes(status) ? (status as AssetStatus) : null;
}

type RawRecord = { record: Record<string, string>; info: { lines: number }; raw: string };

function readRecords(text: string): RawRecord[] {
  try {
    // Line endings are unified first: csv-parse's line count is only reliable with one kind.
    return parse<RawRecord>(text.replace(/\r\n?/g, '\n'), {
      columns: (header: string[]) => header.map(normalizeHeader),
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      raw: true,
      relax_column_count: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      throw new AppError(
        'unprocessable',
        `line ${line}: the file is not valid CSV (${error.message.replace(/^Invalid [^:]*: /, '')})`,
      );
    }
    throw error;
  }
}

/** The line a record starts on: csv-parse reports where it ends, and a quoted cell may span lines. */
function startLine(record: RawRecord): number {
  const inner = record.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return record.info.lines - (inner.match(/\n/g)?.length ?? 0);
}

function headerErrors(text: string): ImportError[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/, 1)[0] ?? '';
  const headers = new Set(firstLine.split(',').map((cell) => normalizeHeader(cell.replace(/^"|"$/g, ''))));
  return (['asset_tag', 'name'] as const)
    .filter((column) => !headers.has(column))
    .map((column) => ({
      line: 1,
      message: `the header has no ${column} column (expected columns: ${importColumns.join(', ')})`,
    }));
}

export function parseAssetCsv(text: string): ParsedImport {
  if (text.replace(/^\uFEFF/, '').trim() === '')
    return { rows: [], errors: [{ line: 1, message: 'the file is empty' }], total: 0 };
  const missingColumns = headerErrors(text);
  if (missingColumns.length > 0) return { rows: [], errors: missingColumns, total: 0 };
  const records = readRecords(text);
  if (records.length > maxImportRows) {
    throw new AppError(
      'payload_too_large',
      `The file has ${records.length.toLocaleString('en')} rows; at most ${maxImportRows.toLocaleString('en')} can be imported at once. Split it into smaller files.`,
    );
  }

  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  const tagLines = new Map<string, number>();
  const serialLines = new Map<string, number>();
  for (const record of records) {
    const line = startLine(record);
    const row = checkRecord(record.record, line, tagLines, serialLines);
    if ('message' in row) errors.push(row);
    else rows.push(row);
  }
  return { rows, errors, total: records.length };
}

function checkRecord(
  cells: Record<string, string>,
  line: number,
  tagLines: Map<string, number>,
  serialLines: Map<string, number>,
): ImportRow | ImportError {
  const fail = (message: string): ImportError => ({ line, message });
  const cell = (column: ImportColumn) => (cells[column] ?? '').trim();

  for (const [column, limit] of Object.entries(maxLength) as [ImportColumn, number][]) {
    if (cell(column).length > limit) return fail(`${column} is too long (at most ${limit} characters)`);
  }
  for (const column of ['manufacturer', 'model', 'serial', 'location'] as const) {
    if (cell(column).length > 120) return fail(`${column} is too long (at most 120 characters)`);
  }
  const assetTag = cell('asset_tag');
  if (!assetTag) return fail('missing asset_tag');
  const name = cell('name');
  if (!name) return fail(`missing name for ${assetTag}`);

  const tagKey = assetTag.toLowerCase();
  const earlierTag = tagLines.get(tagKey);
  if (earlierTag !== undefined) return fail(`duplicate asset tag ${assetTag} (also on line ${earlierTag})`);
  tagLines.set(tagKey, line);

  const values: ImportValues = { name };
  for (const [column, key] of Object.entries(textColumns) as [ImportColumn, keyof typeof textColumns][]) {
    if (cell(column)) values[key] = cell(column);
  }
  if (values.serial) {
    const serialKey = values.serial.toLowerCase();
    const earlierSerial = serialLines.get(serialKey);
    if (earlierSerial !== undefined) return fail(`duplicate serial ${values.serial} (also on line ${earlierSerial})`);
    serialLines.set(serialKey, line);
  }
  if (cell('status')) {
    const status = parseStatus(cell('status'));
    if (!status) return fail(`unknown status "${cell('status')}" (use one of ${assetStatuses.join(', ')})`);
    values.status = status;
  }
  for (const [column, key] of [
    ['purchase_date', 'purchaseDate'],
    ['warranty_end', 'warrantyEnd'],
  ] as const) {
    if (!cell(column)) continue;
    if (!isIsoDate(cell(column))) return fail(`bad date in ${column}: "${cell(column)}" (use YYYY-MM-DD)`);
    values[key] = cell(column);
  }
  if (cell('purchase_cost')) {
    const cost = normalizeCost(cell('purchase_cost'));
    if (cost === null)
      return fail(
        `bad purchase_cost "${cell('purchase_cost')}" (use an amount of 0 or more with at most 2 decimals, e.g. 1299.00)`,
      );
    values.purchaseCost = cost;
  }
  return { line, assetTag, values };
}
