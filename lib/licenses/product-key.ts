/** How much of a product key is shown before "Reveal": the last five characters at most. */
const visibleTail = 5;

/**
 * "ABCDE-FGHIJ-KLMNO-PQRST" → "•••••-•••••-PQRST". A short key shows at most half of itself,
 * so masking never gives a whole key away.
 */
export function maskProductKey(key: string | null): string | null {
  if (!key) return null;
  const shown = Math.min(visibleTail, Math.floor(key.length / 2));
  return `•••••-•••••-${key.slice(key.length - shown)}`;
}
