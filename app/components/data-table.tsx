import type { Key, ReactNode } from 'react';

// The one table for lists of rows. No hooks and no 'use client', so it renders inside server
// components and inside client components alike; a client table defines its columns (and their
// cell functions) in its own file, so no function crosses from the server to the browser.

export type Column<Row> = {
  /** Unique among the columns; React's key for the header and the cells. */
  key: string;
  /** Usually text; a node for a header hidden on screen, e.g. <span className="skip-link">Actions</span>. */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The column names its row: its cells are <th scope="row"> instead of <td>. */
  rowHeader?: boolean;
  /** The header's aria-sort, for a column the list can be sorted by. */
  ariaSort?: 'ascending' | 'descending' | 'none';
  /** 'secondary': hidden on a phone-wide screen, so the columns that matter fit without scrolling. */
  priority?: 'primary' | 'secondary';
};

const columnClass = (column: { priority?: 'primary' | 'secondary' }) =>
  column.priority === 'secondary' ? 'col-secondary' : undefined;

type Props<Row> = {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  /** Read by screen readers; shown above the table too unless hidden. */
  caption?: ReactNode;
  hideCaption?: boolean;
  /** Shown as <p className="empty"> instead of the table when there are no rows; without it, nothing is. */
  empty?: ReactNode;
  /** data-* attributes of a row's <tr>. */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
};

/** The usual rowKey: the row's own id. */
export const byId = (row: { id: Key }) => row.id;

export function DataTable<Row>({ columns, rows, rowKey, caption, hideCaption = false, empty, rowData }: Props<Row>) {
  if (rows.length === 0) return empty == null ? null : <p className="empty">{empty}</p>;
  return (
    // Focusable: on a narrow screen a wide table scrolls sideways, and keyboard users must be able to scroll it too.
    <div className="table-wrap" tabIndex={0}>
      <table>
        {caption == null ? null : hideCaption ? (
          <caption className="skip-link">{caption}</caption>
        ) : (
          <caption className="muted" style={{ textAlign: 'left' }}>
            {caption}
          </caption>
        )}
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" aria-sort={column.ariaSort} className={columnClass(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)} {...rowData?.(row)}>
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={columnClass(column)}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={columnClass(column)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
