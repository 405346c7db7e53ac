import http from 'node:http';
import https from 'node:https';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A plain request without connection reuse that accepts the test's self-signed certificate. */
export function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      target,
      { method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false, agent: false, timeout: 30_000 },
      (reply) => {
        let body = '';
        reply.setEncoding('utf8');
        reply.on('data', (chunk: string) => (body += chunk));
        reply.on('end', () => resolve({ status: reply.statusCode ?? 0, headers: reply.headers, body }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
    outgoing.on('error', reject);
    if (options.body) outgoing.write(options.body);
    outgoing.end();
  });
}

/**
 * Sends requests from `parallel` loops until `until` resolves; returns every non-2xx status or
 * network error seen, and how many requests were made.
 */
export async function steadyStream(makeRequest: () => Promise<Reply>, until: Promise<unknown>, parallel = 4) {
  let done = false;
  // The caller awaits `until` itself and sees its error; here it only ends the stream.
  until.then(
    () => (done = true),
    () => (done = true),
  );
  const failures: string[] = [];
  let total = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (!done) {
        total++;
        try {
          const reply = await makeRequest();
          if (reply.status < 200 || reply.status >= 300) failures.push(`HTTP ${reply.status}`);
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    }),
  );
  return { failures, total };
}
