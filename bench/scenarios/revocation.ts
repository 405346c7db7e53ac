import http from 'node:http';
import type { Scenario } from '../support/context';
import { percentile } from '../support/latency-load';
import { Pm2Cluster } from '../support/pm2-cluster';
import { makeSessionCookies } from '../support/sessions';

const tries = 100;
const pollEveryMs = 5;

type Reply = { status: number; body: string };

/** One keep-alive connection: every request on it reaches the same PM2 worker. */
class PinnedConnection {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly base: string) {}

  request(path: string, cookie: string, method = 'GET'): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const outgoing = http.request(
        `${this.base}${path}`,
        { method, agent: this.agent, headers: { cookie } },
        (reply) => {
          let body = '';
          reply.setEncoding('utf8');
          reply.on('data', (chunk: string) => (body += chunk));
          reply.on('end', () => resolve({ status: reply.statusCode ?? 0, body }));
        },
      );
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  async workerPid(adminCookie: string): Promise<number> {
    const page = await this.request('/admin/diagnostics', adminCookie);
    const pid = /Instance \(process id\)<\/dt><dd>(\d+)/.exec(page.body)?.[1];
    if (page.status !== 200 || !pid)
      throw new Error(`the diagnostics page answered ${page.status} without a process id`);
    return Number(pid);
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Opens connections until two of them reach different workers. */
async function connectionsToBothWorkers(
  base: string,
  adminCookie: string,
): Promise<[PinnedConnection, PinnedConnection]> {
  const byPid = new Map<number, PinnedConnection>();
  for (let attempt = 0; attempt < 200 && byPid.size < 2; attempt++) {
    const connection = new PinnedConnection(base);
    const pid = await connection.workerPid(adminCookie);
    if (byPid.has(pid)) connection.close();
    else byPid.set(pid, connection);
  }
  if (byPid.size < 2) throw new Error('could not reach both workers');
  const [first, second] = [...byPid.values()];
  return [first, second];
}

/**
 * Scenario 6: two PM2 workers on PostgreSQL. A session that both workers have just checked (so
 * both hold it in their check cache: the worst case) is revoked by logging out through worker A;
 * worker B is then asked every 5 ms until it refuses the cookie. 100 tries.
 */
const revocation: Scenario = async (context) => {
  const cluster = new Pm2Cluster(context.databaseUrl, 2);
  try {
    await cluster.prepare();
    cluster.createUser('bench-admin', 'bench-admin-password-1', 'admin');
    cluster.createUser('bench', 'bench-password-1');
    await cluster.start();
    const [adminCookie] = await makeSessionCookies(context.databaseUrl, 'bench-admin', 1);
    const cookies = await makeSessionCookies(context.databaseUrl, 'bench', tries);
    let [revoker, other] = await connectionsToBothWorkers(cluster.base, adminCookie);
    const workers = [await revoker.workerPid(adminCookie), await other.workerPid(adminCookie)];

    const acceptedUntilMs: number[] = [];
    const refusedByMs: number[] = [];
    let revokerStillAccepted = 0;
    let repinned = 0;
    for (const cookie of cookies) {
      for (const connection of [revoker, other]) {
        const warm = await connection.request('/api/auth/me', cookie);
        if (warm.status !== 200) throw new Error(`a fresh session was refused (${warm.status})`);
      }
      const logout = await revoker.request('/api/auth/logout', cookie, 'POST');
      if (logout.status !== 200) throw new Error(`logout answered ${logout.status}`);
      const revokedAt = performance.now();
      if ((await revoker.request('/api/auth/me', cookie)).status !== 401) revokerStillAccepted++;
      // The server decides between a request's sending and its answer: the last accepted request's
      // sending time is when the other worker was last seen trusting the session, the first refusal's
      // answer the latest it can have started refusing.
      let lastAcceptedSentAt = revokedAt;
      for (;;) {
        const sentAt = performance.now();
        if ((await other.request('/api/auth/me', cookie)).status !== 200) break;
        lastAcceptedSentAt = sentAt;
        if (sentAt - revokedAt > 30_000) throw new Error('the other worker kept accepting a revoked session for 30 s');
        await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
      }
      const refusedBy = performance.now() - revokedAt;
      const acceptedUntil = lastAcceptedSentAt - revokedAt;
      // A connection the server closed would reconnect, perhaps to the other worker: then redo the pairing and drop the try.
      if (
        (await revoker.workerPid(adminCookie)) !== workers[0] ||
        (await other.workerPid(adminCookie)) !== workers[1]
      ) {
        repinned++;
        revoker.close();
        other.close();
        [revoker, other] = await connectionsToBothWorkers(cluster.base, adminCookie);
        workers.splice(0, 2, await revoker.workerPid(adminCookie), await other.workerPid(adminCookie));
        continue;
      }
      acceptedUntilMs.push(acceptedUntil);
      refusedByMs.push(refusedBy);
    }
    revoker.close();
    other.close();

    const summary = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return {
        worst: Math.round(sorted.at(-1)!),
        p95: Math.round(percentile(sorted, 0.95)),
        p50: Math.round(percentile(sorted, 0.5)),
        best: Math.round(sorted[0]),
      };
    };
    return {
      tries: acceptedUntilMs.length,
      discardedBecauseAConnectionMoved: repinned,
      boundMs: 2000,
      boundSource: 'SESSION_CHECK_CACHE (default 2 s): how long a process may trust its cached check of a session',
      otherWorkerLastAcceptedAtMs: summary(acceptedUntilMs),
      otherWorkerRefusalAnsweredByMs: summary(refusedByMs),
      revokingWorkerAcceptedAfterLogout: revokerStillAccepted,
    };
  } finally {
    cluster.stop();
  }
};

export default revocation;
