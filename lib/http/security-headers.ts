// Sent on every response, pages, routes and static files alike (set by server/index.ts).
export const baseSecurityHeaders: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'same-origin'],
  ['X-Frame-Options', 'DENY'],
];

// An API answer (JSON, CSV) loads nothing and is never framed. Each response of app/api/ carries its
// own policy: the page policy of middleware.ts would replace a route's stricter one.
export const jsonContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

// Headers for every page the middleware lets through. The nonce is fresh per request: Next.js
// reads it from the request's Content-Security-Policy and puts it on its own script tags, so no
// other inline script can run.
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // React sets style attributes; stylesheet injection cannot run code, so inline styles stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

/** Strict-Transport-Security only when the browser reached us over HTTPS (directly or via a trusted proxy). */
export function transportSecurityHeader(protocol: 'http' | 'https'): string | null {
  return protocol === 'https' ? 'max-age=31536000; includeSubDomains' : null;
}
