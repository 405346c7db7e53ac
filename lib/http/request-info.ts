// The custom server (server/forwarded-headers.ts) rewrites X-Forwarded-* before Next.js sees a
// request: these headers hold what the socket or a trusted proxy said, never what a client claims.
export type RequestInfo = {
  ipAddress: string;
  protocol: 'http' | 'https';
  host: string;
  userAgent: string | null;
};

/** The client's address from an X-Forwarded-For value, for a hot path that reads nothing else. */
export function ipAddressFromForwardedFor(forwardedFor: string | null | undefined): string {
  if (!forwardedFor) return 'unknown';
  const comma = forwardedFor.indexOf(',');
  return (comma === -1 ? forwardedFor : forwardedFor.slice(0, comma)).trim() || 'unknown';
}

export function protocolFromForwardedProto(forwardedProto: string | null | undefined): 'http' | 'https' {
  return forwardedProto === 'https' ? 'https' : 'http';
}

/** `headers`: a Web Headers object, or anything that reads a header by its lower-case name. */
export function requestInfoFromHeaders(headers: Pick<Headers, 'get'>): RequestInfo {
  return {
    ipAddress: ipAddressFromForwardedFor(headers.get('x-forwarded-for')),
    protocol: protocolFromForwardedProto(headers.get('x-forwarded-proto')),
    host: headers.get('x-forwarded-host') || headers.get('host') || 'localhost',
    userAgent: headers.get('user-agent'),
  };
}
