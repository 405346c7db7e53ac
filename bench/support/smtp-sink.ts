import { SMTPServer } from 'smtp-server';

// An SMTP server on 127.0.0.1 that only counts what it receives: when each mail came, to whom, and
// its Message-ID (read from the raw headers, not parsed), so a benchmark can tell every mail
// arrived once while spending as little of the shared CPU as it can (no MIME parsing, unlike
// tests/support/smtp-capture.ts).

export type SmtpSink = {
  url: string;
  /** Arrival times (performance.now()), one per mail. */
  arrivals: number[];
  messageIds: Set<string>;
  recipients: Set<string>;
  /** Resolves once `count` mails have arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const arrivals: number[] = [];
  const messageIds = new Set<string>();
  const recipients = new Set<string>();
  let wake = () => {};
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 8192) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const headers = head.split(/\r?\n\r?\n/)[0];
        const id = /^message-id:\s*(\S+)/im.exec(headers)?.[1];
        if (id) messageIds.add(id);
        for (const to of session.envelope.rcptTo) recipients.add(to.address);
        arrivals.push(performance.now());
        wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address === 'string') throw new Error('the SMTP sink has no port');
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    arrivals,
    messageIds,
    recipients,
    async waitFor(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (arrivals.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} mails, the SMTP sink has ${arrivals.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 1000));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
