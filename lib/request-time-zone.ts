import { cache } from 'react';

// The zone of the person a server render is for, kept for the rest of that render. React's cache()
// gives each request its own box (and outside a render, where there is no request, a fresh one
// per call, so nothing leaks between people). Filled by resolveViewerTimeZone in
// lib/boundary/viewer-time-zone.ts; read by formatDateTime.
const box = cache((): { zone?: string } => ({}));

export function requestTimeZone(): string | undefined {
  return box().zone;
}

export function rememberRequestTimeZone(zone: string): void {
  box().zone = zone;
}
