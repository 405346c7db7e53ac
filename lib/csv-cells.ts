// What a spreadsheet would run as a formula, and how our CSV files defuse it: one rule for the
// exports (lib/http/csv-response.ts) and the import that reads them back (lib/assets/csv-import-rows.ts).

const formulaStart = /^[=+\-@\t\r]/;

/** A cell that a spreadsheet would run as a formula gets a leading ' (shown, never run). */
export function defuseCell(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** A cell as we exported it, read back: the ' that defused a formula-like value is dropped. */
export function undefuseCell(text: string): string {
  return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}
