import { alternateSlices, type SliceSummary } from '../support/alternate';
import type { Scenario } from '../support/context';
import { ExpressReference } from '../support/express-reference';

/**
 * Scenario 1: authenticated GET /api/auth/me against unauthenticated GET /api/health, same server,
 * 16 connections, in alternating 1 s slices, twelve each (bench/support/alternate.ts: the four
 * targets take turns in four balanced orders). The same route with an API token (Authorization:
 * Bearer, no cookie) in the same run: `bearer`, and its ratio to the cookie's. The bench server's
 * API_RATE_LIMIT is high enough never to refuse it. And, in the same slices, the design the
 * project replaced: Express with MemoryStore sessions (bench/support/express-reference.ts),
 * answering the same request from its own process.
 */
const sessionOverhead: Scenario = async (context) => {
  const { server, cookie } = await context.server();
  const cpuMs = () => server.cpuMs();
  const created = await fetch(`${server.base}/api/tokens`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench', scope: 'read', expiresInDays: 1 }),
  });
  if (created.status !== 201) throw new Error(`token creation failed: ${created.status}`);
  const { token } = (await created.json()) as { token: string };
  const reference = new ExpressReference();
  try {
    await reference.start();
    const referenceCookie = await reference.signIn();
    const { health, me, bearer, expressMemoryStore } = await alternateSlices(
      {
        health: { url: `${server.base}/api/health`, cpuMs },
        me: { url: `${server.base}/api/auth/me`, cookie, cpuMs },
        bearer: { url: `${server.base}/api/auth/me`, headers: { authorization: `Bearer ${token}` }, cpuMs },
        expressMemoryStore: {
          url: `${reference.base}/api/auth/me`,
          cookie: referenceCookie,
          cpuMs: () => reference.cpuMs(),
        },
      },
      { slices: 12, connections: 16 },
    );
    return summary(health, me, bearer, expressMemoryStore);
  } finally {
    await reference.stop();
  }
};

function summary(health: SliceSummary, me: SliceSummary, bearer: SliceSummary, expressMemoryStore: SliceSummary) {
  return {
    health,
    me,
    bearer,
    expressMemoryStore,
    toExpressMemoryStore: {
      requestsPerSecond: Number((me.requestsPerSecond / expressMemoryStore.requestsPerSecond).toFixed(2)),
      p99: Number((me.p99 / expressMemoryStore.p99).toFixed(2)),
    },
    ratio: Number((me.requestsPerSecond / health.requestsPerSecond).toFixed(3)),
    serverCpuRatio: Number((health.serverCpuMicrosecondsPerRequest / me.serverCpuMicrosecondsPerRequest).toFixed(3)),
    bearerToCookieRatio: Number((bearer.requestsPerSecond / me.requestsPerSecond).toFixed(3)),
    bearerToCookieCpuRatio: Number(
      (me.serverCpuMicrosecondsPerRequest / bearer.serverCpuMicrosecondsPerRequest).toFixed(3),
    ),
  };
}

export default sessionOverhead;
