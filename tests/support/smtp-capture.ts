import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on 127.0.0.1 that keeps every message it receives, for tests that check what
// the app sends over the wire. Plain (STARTTLS switched off), STARTTLS, or implicit TLS (smtps),
// with a throwaway self-signed certificate made by openssl; optionally with a required login.

export type SmtpSecurity = 'plain' | 'starttls' | 'implicit';

export type CapturedMail = {
  envelope: { from: string | null; to: string[] };
  /** The message as it travelled, headers and all. */
  raw: string;
  parsed: ParsedMail;
  /** Whether the session was encrypted when the message came. */
  secure: boolean;
};

export type SmtpCapture = {
  port: number;
  /** An SMTP_URL for this server (with the login, when one is required). */
  url: string;
  /** PEM of the self-signed certificate, for a client that must trust it; absent for 'plain'. */
  certificate?: string;
  messages: CapturedMail[];
  /** Resolves once `count` messages have arrived (a message's own timeout is the test's). */
  waitForMessages(count: number, timeoutMs?: number): Promise<CapturedMail[]>;
  /** Forgets the messages captured so far. */
  clear(): void;
  close(): Promise<void>;
};

function selfSignedCertificate(): { key: string; cert: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-capture-tls-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1'].concat([
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ]),
      { stdio: 'ignore' },
    );
    return { key: fs.readFileSync(key, 'utf8'), cert: fs.readFileSync(cert, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function startSmtpCapture(
  options: { security?: SmtpSecurity; login?: { user: string; pass: string } } = {},
): Promise<SmtpCapture> {
  const security = options.security ?? 'plain';
  const tls = security === 'plain' ? undefined : selfSignedCertificate();
  const messages: CapturedMail[] = [];
  let waiters: (() => void)[] = [];
  const notify = () => {
    const current = waiters;
    waiters = [];
    for (const wake of current) wake();
  };

  const server = new SMTPServer({
    secure: security === 'implicit',
    key: tls?.key,
    cert: tls?.cert,
    disabledCommands: security === 'plain' ? ['STARTTLS'] : [],
    allowInsecureAuth: true,
    authOptional: !options.login,
    logger: false,
    onAuth(auth, _session, callback) {
      const { login } = options;
      if (login && auth.username === login.user && auth.password === login.pass)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            messages.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                to: session.envelope.rcptTo.map((to) => to.address),
              },
              raw,
              parsed,
              secure: session.secure,
            });
            notify();
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the SMTP capture server has no port');
  const port = address.port;
  const credentials = options.login
    ? `${encodeURIComponent(options.login.user)}:${encodeURIComponent(options.login.pass)}@`
    : '';

  return {
    port,
    url: `${security === 'implicit' ? 'smtps' : 'smtp'}://${credentials}127.0.0.1:${port}`,
    certificate: tls?.cert,
    messages,
    async waitForMessages(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} captured mail(s), got ${messages.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return messages.slice(0, count);
    },
    clear() {
      messages.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
