// Canned replies' placeholders: `{{requester.name}}` and the like, filled for one ticket when an
// agent inserts the reply. Pure, so the browser-free rules are tested as plain functions.

export const placeholderNames = [
  'requester.name',
  'requester.username',
  'ticket.reference',
  'ticket.title',
  'agent.name',
] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Record<PlaceholderName, string>;

// Any `{{ … }}`, so a misspelt one ("{{requester.nmae}}") is caught instead of sent as typed.
const placeholderPattern = /\{\{\s*([^{}]*?)\s*\}\}/g;

const known = new Set<string>(placeholderNames);

/** The placeholders in `body` that are not known, each once, in order of appearance. */
export function unknownPlaceholders(body: string): string[] {
  const unknown = [...body.matchAll(placeholderPattern)].map((match) => match[1]).filter((name) => !known.has(name));
  return [...new Set(unknown)];
}

/** `body` with every known placeholder replaced by its value; anything else is left as written. */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  return body.replace(placeholderPattern, (whole, name: string) =>
    known.has(name) ? values[name as PlaceholderName] : whole,
  );
}
