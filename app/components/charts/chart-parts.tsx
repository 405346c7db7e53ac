// Shared bits of the SVG charts (rendered to HTML on the server, as client components): colours that keep at least 4.5:1 contrast on
// white, a round axis maximum, and the table that carries the same numbers for screen readers
// and anyone who prefers text.
import type { ReactNode } from 'react';
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
function ChartDataTable<Row>({
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

/** What names a chart for everyone: its title, and a description that says what it shows. */
export type ChartLabels = {
  /** Unique on the page: the SVG's title and description ids are made from it. */
  id: string;
  title: string;
  description: string;
};

type FigureProps<Row> = ChartLabels & {
  width: number;
  height: number;
  /** Below this width the chart scrolls sideways instead of shrinking. */
  minWidth?: number;
  rows: Row[];
  columns: TableColumn<Row>[];
  /** The SVG shapes. */
  children: ReactNode;
};

/** A chart: an SVG image named by its title and description, then its numbers as a table. */
export function ChartFigure<Row>({
  id,
  title,
  description,
  width,
  height,
  minWidth,
  rows,
  columns,
  children,
}: FigureProps<Row>) {
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const image = (
    <svg
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      style={{ maxWidth: width, minWidth, display: 'block' }}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {children}
    </svg>
  );
  return (
    <figure style={{ margin: 0 }}>
      {minWidth === undefined ? (
        image
      ) : (
        // The box is focusable so that keyboard users can scroll it too.
        <div
          className="table-wrap"
          tabIndex={0}
          role="group"
          aria-label={`${title} (scrolls sideways on narrow screens)`}
        >
          {image}
        </div>
      )}
      <ChartDataTable caption={title} rows={rows} columns={columns} />
    </figure>
  );
}
