// The custom server (server/forwarded-headers.ts) rewrites X-Forwarded-* before Next.js sees a
// request: these headers hold what the socket or a trusted proxy said, never what a client claims.
export type RequestInfo = {
  ipAddress: string;
  protocol: 'http' | 'https';
  host: string;
  userAgent: string | null;
};

/** The client's address alone, for a hot path that needs nothing else of the request. */
export function ipAddressFromHeaders(headers: Pick<Headers, 'get'>): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}

/** `headers`: a Web Headers object, or anything that reads a header by its lower-case name. */
export function requestInfoFromHeaders(headers: Pick<Headers, 'get'>): RequestInfo {
  return {
    ipAddress: ipAddressFromHeaders(headers),
    protocol: headers.get('x-forwarded-proto') === 'https' ? 'https' : 'http',
    host: headers.get('x-forwarded-host') || headers.get('host') || 'localhost',
    userAgent: headers.get('user-agent'),
  };
}
