'use client';

import type { Column } from './data-table';

// Rows chosen for a bulk change: plain checkboxes that belong to a form outside the table (the
// `form` attribute), so the list needs no state of its own and works without JavaScript.

/** The header's box: checks or clears every row's box of `form` on this page. Needs JavaScript, so it is only a help. */
function SelectAllOnPage({ form }: { form: string }) {
  return (
    <input
      type="checkbox"
      aria-label="Select every row on this page"
      onChange={(event) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${form}"][name="id"]`);
        boxes.forEach((box) => {
          box.checked = event.currentTarget.checked;
        });
      }}
    />
  );
}

/** A first column of checkboxes, each labelled with its row's name ("Select A-00042"), sending the row's id. */
export function selectionColumn<Row extends { id: string }>(form: string, nameOf: (row: Row) => string): Column<Row> {
  return {
    key: 'select',
    header: <SelectAllOnPage form={form} />,
    cell: (row) => <input type="checkbox" name="id" value={row.id} form={form} aria-label={`Select ${nameOf(row)}`} />,
  };
}
