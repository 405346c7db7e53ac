// Counts as "12,345", on the server and in client components alike. One formatter for the
// process: Number#toLocaleString with a locale builds a new one on every call, which a dashboard
// of charts pays dozens of times per view.
const counts = new Intl.NumberFormat('en');

export function formatCount(value: number): string {
  return counts.format(value);
}

/** A list's total as a page shows it: exact, or an estimate as "about 11,800" (three significant figures). */
export function formatTotal(total: number, approximate = false): string {
  return approximate ? `about ${formatCount(Number(total.toPrecision(3)))}` : formatCount(total);
}
