import http from 'node:http';
import https from 'node:https';

export type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

const requestDeadlineMs = 30_000;

/** The answer had begun (status and headers sent) when the connection closed. */
export class ResponseCutError extends Error {}

/**
 * A plain request without connection reuse that accepts the test's self-signed certificate.
 * Always settles: a connection cut mid-response (a worker killed while answering) rejects, and so
 * does no complete answer within 30 s.
 */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      target,
      { method: options.method ?? 'GET', headers: options.headers, rejectUnauthorized: false, agent: false },
      (reply) => {
        let body = '';
        reply.setEncoding('utf8');
        reply.on('data', (chunk: string) => (body += chunk));
        reply.on('end', () => resolve({ status: reply.statusCode ?? 0, headers: reply.headers, body }));
        // Node emits no 'error' for an aborted response unless someone listens, and never 'end'.
        const cut = () =>
          reject(
            new ResponseCutError(`HTTP ${reply.statusCode}: the connection closed before the whole response arrived`),
          );
        reply.on('error', cut);
        reply.on('close', () => {
          if (!reply.complete) cut();
        });
      },
    );
    const deadline = setTimeout(
      () => outgoing.destroy(new Error(`no complete answer within ${requestDeadlineMs / 1000} s`)),
      requestDeadlineMs,
    );
    outgoing.on('close', () => clearTimeout(deadline));
    outgoing.on('error', reject);
    if (options.body) outgoing.write(options.body);
    outgoing.end();
  });
}

/**
 * Sends requests from `parallel` loops until `until` resolves; returns every non-2xx status or
 * network error seen, the answers cut off after they had begun (kept apart), and how many requests were made.
 */
export async function steadyStream(makeRequest: () => Promise<Reply>, until: Promise<unknown>, parallel = 4) {
  let done = false;
  // The caller awaits `until` itself and sees its error; here it only ends the stream.
  until.then(
    () => (done = true),
    () => (done = true),
  );
  const failures: string[] = [];
  const cut: string[] = [];
  let total = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (!done) {
        total++;
        try {
          const reply = await makeRequest();
          if (reply.status < 200 || reply.status >= 300) failures.push(`HTTP ${reply.status}`);
        } catch (error) {
          (error instanceof ResponseCutError ? cut : failures).push((error as Error).message);
        }
      }
    }),
  );
  return { failures, cut, total };
}
