const unitSeconds: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

// Accepts "900", "900s", "15m", "12h", "7d"; returns whole seconds, or null when unreadable.
export function parseDurationSeconds(text: string): number | null {
  const match = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(text);
  if (!match) return null;
  const seconds = Number(match[1]) * unitSeconds[(match[2] || 's').toLowerCase()];
  return Number.isSafeInteger(seconds) ? seconds : null;
}
