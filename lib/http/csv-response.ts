import 'server-only';
import { stringify } from 'csv-stringify/sync';
import { defuseCell } from '../csv-cells';
import { jsonContentSecurityPolicy } from './security-headers';

/** A CSV download; cells that a spreadsheet would run as a formula are defused with a leading '. */
export type CsvCell = string | number | boolean | Date | null | undefined;

export function csvResponse(filename: string, header: string[], rows: CsvCell[][]): Response {
  const safe = rows.map((row) =>
    row.map((cell) => {
      const text =
        cell === null || cell === undefined
          ? ''
          : cell instanceof Date
            ? cell.toISOString()
            : typeof cell === 'object'
              ? JSON.stringify(cell)
              : String(cell);
      return defuseCell(text);
    }),
  );
  const body = '\uFEFF' + stringify([header.map(defuseCell), ...safe]);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': 'no-store',
      'Content-Security-Policy': jsonContentSecurityPolicy,
    },
  });
}
