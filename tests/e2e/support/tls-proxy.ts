import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/free-port';

/** A self-signed certificate for 127.0.0.1, made with the openssl command. */
export function makeCertificate(): { dir: string; key: string; cert: string; certFile: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-tls-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { dir, key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8'), certFile };
}

/**
 * A minimal TLS-terminating reverse proxy on 127.0.0.1 in front of the app, forwarding the scheme
 * (X-Forwarded-Proto) only when asked: the misconfiguration the doctor must recognise.
 */
export async function startTlsProxy(
  upstreamPort: number,
  tls: { key: string; cert: string },
  options: { forwardScheme: boolean },
) {
  const port = await freePort();
  const server = https.createServer(tls, (request, response) => {
    const headers = { ...request.headers, 'x-forwarded-for': request.socket.remoteAddress ?? '' };
    if (options.forwardScheme)
      Object.assign(headers, { 'x-forwarded-proto': 'https', 'x-forwarded-host': request.headers.host });
    const upstream = http.request(
      { host: '127.0.0.1', port: upstreamPort, path: request.url, method: request.method, headers },
      (reply) => {
        response.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
