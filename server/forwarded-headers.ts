import type { IncomingHttpHeaders } from 'node:http';

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();

/**
 * Rewrites the forwarding headers of an incoming request so the app can believe them.
 *
 * Next.js keeps any X-Forwarded-* a client sends, so without this a client could claim HTTPS or
 * another address. Headers are honoured only when the socket's peer is a trusted proxy; otherwise
 * they are replaced by what the socket itself says.
 */
export function normalizeForwardedHeaders(
  headers: IncomingHttpHeaders,
  socket: { remoteAddress?: string; encrypted?: boolean },
  isTrustedProxy: (address: string | undefined) => boolean,
): void {
  // CVE-2025-29927: this internal header let a client skip middleware. It never comes from outside.
  delete headers['x-middleware-subrequest'];

  const peer = socket.remoteAddress ?? 'unknown';
  let protocol = socket.encrypted ? 'https' : 'http';
  let host = first(headers.host);
  let client = peer;

  if (isTrustedProxy(peer)) {
    const forwardedProto = first(headers['x-forwarded-proto'])?.toLowerCase();
    if (forwardedProto === 'https' || forwardedProto === 'http') protocol = forwardedProto;
    host = first(headers['x-forwarded-host']) || host;
    // Walk the chain from the nearest hop; the first address not a trusted proxy is the client.
    const chain = String(headers['x-forwarded-for'] ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    client = chain.length ? chain[0] : peer;
    for (let index = chain.length - 1; index >= 0; index--) {
      if (!isTrustedProxy(chain[index])) {
        client = chain[index];
        break;
      }
    }
  }

  for (const name of [
    'forwarded',
    'x-real-ip',
    'x-forwarded-port',
    'x-forwarded-host',
    'x-forwarded-proto',
    'x-forwarded-for',
  ]) {
    delete headers[name];
  }
  headers['x-forwarded-proto'] = protocol;
  headers['x-forwarded-for'] = client.startsWith('::ffff:') ? client.slice(7) : client;
  if (host) headers['x-forwarded-host'] = host;
}
