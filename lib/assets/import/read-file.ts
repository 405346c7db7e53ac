import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '../../errors';
import { formatCount } from '../../format-count';
import {
  headerErrors,
  maxImportRows,
  normalizeHeader,
  RowChecker,
  type ImportError,
  type ImportRow,
} from '../csv-import-rows';
import { ImportFileDecoder } from './decode-file';

export type RowBatch = { rows: ImportRow[]; errors: ImportError[] };
// info.index: how many cells the record has.
type RawRecord = { record: Record<string, string>; info: { lines: number; index: number }; raw: string };

/**
 * Reads an import file as its bytes arrive: decoded, parsed and each row checked, handed on a batch
 * at a time, so a large file is never parsed in one go.
 */
export class ImportFileReader {
  readonly decoder = new ImportFileDecoder();
  rowsRead = 0;
  private columns: string[] | null = null;
  private readonly checker = new RowChecker();

  constructor(private readonly source: AsyncIterable<Uint8Array>) {}

  async *batches(size: number): AsyncGenerator<RowBatch> {
    // pipeline() passes a failure of either stream (a bad byte, bad CSV) on to the records being read.
    const records = pipeline(
      Readable.from(this.utf8()),
      parse({
        columns: (header: string[]) => (this.columns = header.map(normalizeHeader)),
        skip_empty_lines: true,
        trim: true,
        info: true,
        raw: true,
        relax_column_count: true,
      }),
      () => {},
    );
    let batch: RowBatch = { rows: [], errors: [] };
    try {
      for await (const record of records as AsyncIterable<RawRecord>) {
        if (this.rowsRead === 0 && headerErrors(this.columns).length > 0) break;
        if (++this.rowsRead > maxImportRows) throw tooManyRows();
        const checked = cellCountError(record, this.columns!) ?? this.checker.check(record.record, startLine(record));
        if ('message' in checked) batch.errors.push(checked);
        else batch.rows.push(checked);
        if (batch.rows.length + batch.errors.length < size) continue;
        yield batch;
        batch = { rows: [], errors: [] };
      }
    } catch (error) {
      throw error instanceof CsvError ? notCsv(error) : error;
    }
    if (this.rowsRead === 0) yield { rows: [], errors: headerErrors(this.columns) };
    else if (batch.rows.length + batch.errors.length > 0) yield batch;
  }

  get bytesRead(): number {
    return this.decoder.bytesRead;
  }

  /** csv-parse reads bytes: the decoded text goes to it as UTF-8. */
  private async *utf8(): AsyncGenerator<Buffer> {
    for await (const text of this.decoder.decode(this.source)) yield Buffer.from(text);
  }
}

// A row with more or fewer cells than the header has its values under the wrong columns (a
// serial read as the category): it is refused rather than guessed at.
function cellCountError(record: RawRecord, columns: string[]): ImportError | null {
  if (record.info.index === columns.length) return null;
  return {
    line: startLine(record),
    message: `the row has ${record.info.index} cells and the header ${columns.length}; give every row one cell per column`,
  };
}

/** The line a record starts on: csv-parse reports where it ends, and a quoted cell may span lines. */
function startLine(record: RawRecord): number {
  const inner = record.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return record.info.lines - (inner.match(/\n/g)?.length ?? 0);
}

function notCsv(error: CsvError): AppError {
  const line = (error as CsvError & { lines?: number }).lines ?? 1;
  return new AppError(
    'unprocessable',
    `line ${line}: the file is not valid CSV (${error.message.replace(/^Invalid [^:]*: /, '')})`,
  );
}

function tooManyRows(): AppError {
  return new AppError(
    'payload_too_large',
    `The file has more than ${formatCount(maxImportRows)} rows, the most that can be imported at once. Split it into smaller files.`,
  );
}
