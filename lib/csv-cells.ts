// What a spreadsheet would run as a formula, and how our CSV files defuse it: one rule for the
// exports (lib/http/csv-response.ts) and the import that reads them back (lib/assets/csv-import-rows.ts).

// A formula start, or the user's own apostrophes before one ("'=x"): the second is defused too,
// or reading the file back would take the user's apostrophe for ours.
const defusable = /^'*[=+\-@\t\r]/;

/** A cell that a spreadsheet would run as a formula gets a leading ' (shown, never run). */
export function defuseCell(text: string): string {
  return defusable.test(text) ? `'${text}` : text;
}

/** A cell as we exported it, read back: the ' that defused a formula-like value is dropped. */
export function undefuseCell(text: string): string {
  return text.startsWith("'") && defusable.test(text.slice(1)) ? text.slice(1) : text;
}
