// Shared bits of the SVG charts (rendered to HTML on the server, as client components): colours that keep at least 4.5:1 contrast on
// white, a round axis maximum, and the table that carries the same numbers for screen readers
// and anyone who prefers text.
import { DataTable } from '../data-table';

export const chartColors = {
  text: '#1c2230',
  muted: '#5b6475',
  grid: '#d9dde5',
  primary: '#1f5fbf',
  secondary: '#106b3a',
} as const;

/** A "nice" upper bound for an axis: 1, 2, 5 or 10 times a power of ten, at least 1. */
export function niceMaximum(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10;
  return step * power;
}

export type TableColumn<Row> = { header: string; cell: (row: Row) => string | number };

/** The chart's numbers as a table, folded away; the first column names each row. */
export function ChartDataTable<Row>({
  caption,
  rows,
  columns,
}: {
  caption: string;
  rows: Row[];
  columns: TableColumn<Row>[];
}) {
  return (
    <details>
      <summary>Show the data as a table</summary>
      <DataTable
        caption={caption}
        rows={rows}
        rowKey={(_, index) => index}
        columns={columns.map((column, index) => ({
          key: column.header,
          header: column.header,
          cell: column.cell,
          rowHeader: index === 0,
        }))}
      />
    </details>
  );
}
