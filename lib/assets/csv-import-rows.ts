import { undefuseCell } from '../csv-cells';
import { assetStatuses, type AssetStatus } from '../db/schema-domain';
import { dateProblem, multiLineText, singleLineText } from '../validation';
import { normalizeCost } from './schemas';
import { pathSeparator, splitPath } from '../locations/schemas';

// Checking an import file's rows, one at a time, without the database. Every problem is kept with
// the line it came from (the header is line 1) so the user can fix the file in one pass.

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
/** The export's columns beyond what an import reads: who holds the asset, until when, and the last change. */
export const exportOnlyColumns = ['assigned_to', 'expected_return', 'updated_at'] as const;

export type ImportError = { line: number; message: string };

/** The values a row sets; a column absent from the file or a blank cell leaves an existing asset's value alone. */
export type ImportValues = {
  name: string;
  category?: string;
  manufacturer?: string;
  model?: string;
  serial?: string;
  status?: AssetStatus;
  /** A place's path, "HQ / 2nd floor"; missing parts are created when the import is applied. */
  location?: string;
  /** Cells of the columns that are not asset columns, by header: custom fields (check-inventory.ts). */
  extraCells?: Record<string, string>;
  purchaseDate?: string;
  purchaseCost?: string;
  warrantyEnd?: string;
  notes?: string;
};
export type ImportRow = { line: number; assetTag: string; values: ImportValues };

const maxLength: Partial<Record<ImportColumn, number>> = { asset_tag: 64, name: 200, category: 64, notes: 5000 };
const textColumns = {
  category: 'category',
  manufacturer: 'manufacturer',
  model: 'model',
  serial: 'serial',
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

/** Headers such as "Asset Tag" are accepted; without asset_tag and name columns no row can be read. */
export function headerErrors(columns: string[] | null): ImportError[] {
  if (columns === null) return [{ line: 1, message: 'the file is empty' }];
  // Excel in much of Europe saves "CSV" with semicolons: one long header column says so.
  if (columns.length === 1 && columns[0].includes(';'))
    return [
      {
        line: 1,
        message:
          'the file separates its cells with ";": save it as CSV with commas (in Excel, "CSV UTF-8 (Comma delimited)")',
      },
    ];
  const missing = (['asset_tag', 'name'] as const)
    .filter((column) => !columns.includes(column))
    .map((column) => ({
      line: 1,
      message: `the header has no ${column} column (expected columns: ${importColumns.join(', ')})`,
    }));
  // "name" and "Name" are one column: which cell to take would be a guess.
  const twice = [...new Set(columns.filter((column, index) => column !== '' && columns.indexOf(column) !== index))];
  return [
    ...missing,
    ...twice.map((column) => ({ line: 1, message: `the header names the ${column} column more than once` })),
  ];
}

// The same control-character rules as the asset form's fields: notes may span lines, nothing else may.
const singleLineCell = singleLineText();
const multiLineCell = multiLineText();

/** Checks rows in file order, remembering each tag and serial's line to report duplicates within the file. */
export class RowChecker {
  private readonly tagLines = new Map<string, number>();
  private readonly serialLines = new Map<string, number>();

  check(given: Record<string, string>, line: number): ImportRow | ImportError {
    // A file we exported comes back as it left: "'-5" was "-5" before the export defused it.
    const cells = Object.fromEntries(Object.entries(given).map(([column, text]) => [column, undefuseCell(text)]));
    const fail = (message: string): ImportError => ({ line, message });
    const cell = (column: ImportColumn) => (cells[column] ?? '').trim();

    const lostText = importColumns.find((column) => cell(column).includes('\uFFFD'));
    if (lostText)
      return fail(
        `${lostText} contains \uFFFD, the mark of text already lost when the file was converted; correct that cell`,
      );

    for (const column of importColumns) {
      const checked = (column === 'notes' ? multiLineCell : singleLineCell).safeParse(cell(column));
      if (!checked.success) return fail(`${column}: ${checked.error.issues[0].message}`);
    }

    for (const [column, limit] of Object.entries(maxLength) as [ImportColumn, number][]) {
      if (cell(column).length > limit) return fail(`${column} is too long (at most ${limit} characters)`);
    }
    for (const column of ['manufacturer', 'model', 'serial'] as const) {
      if (cell(column).length > 120) return fail(`${column} is too long (at most 120 characters)`);
    }
    const place = splitPath(cell('location'));
    if (place.some((part) => part.length > 120))
      return fail('location: each part of the path is at most 120 characters');
    const assetTag = cell('asset_tag');
    if (!assetTag) return fail('missing asset_tag');
    const name = cell('name');
    if (!name) return fail(`missing name for ${assetTag}`);

    const tagKey = assetTag.toLowerCase();
    const earlierTag = this.tagLines.get(tagKey);
    if (earlierTag !== undefined) return fail(`duplicate asset tag ${assetTag} (also on line ${earlierTag})`);
    this.tagLines.set(tagKey, line);

    const values: ImportValues = { name };
    for (const [column, key] of Object.entries(textColumns) as [ImportColumn, keyof typeof textColumns][]) {
      if (cell(column)) values[key] = cell(column);
    }
    if (place.length > 0) values.location = place.join(pathSeparator);
    const extra = Object.entries(cells).filter(
      ([column, text]) => !(importColumns as readonly string[]).includes(column) && text.trim() !== '',
    );
    for (const [column, text] of extra) {
      const checked = singleLineCell.safeParse(text.trim());
      if (!checked.success) return fail(`${column}: ${checked.error.issues[0].message}`);
    }
    if (extra.length > 0) values.extraCells = Object.fromEntries(extra.map(([column, text]) => [column, text.trim()]));
    if (values.serial) {
      const serialKey = values.serial.toLowerCase();
      const earlierSerial = this.serialLines.get(serialKey);
      if (earlierSerial !== undefined) return fail(`duplicate serial ${values.serial} (also on line ${earlierSerial})`);
      this.serialLines.set(serialKey, line);
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
      const problem = dateProblem(cell(column));
      if (problem) return fail(`bad date in ${column}: "${cell(column)}" (${problem})`);
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
}
