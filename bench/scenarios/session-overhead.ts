import { alternateSlices } from '../support/alternate';
import type { Scenario } from '../support/context';

/**
 * Scenario 1: authenticated GET /api/auth/me against unauthenticated GET /api/health, same server,
 * 16 connections, in alternating 1 s slices, ten each (bench/support/alternate.ts). The same route
 * with an API token (Authorization: Bearer, no cookie) in the same run: `bearer`, and its ratio
 * to the cookie's. The bench server's API_RATE_LIMIT is high enough never to refuse it.
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
  const { health, me, bearer } = await alternateSlices(
    {
      health: { url: `${server.base}/api/health`, cpuMs },
      me: { url: `${server.base}/api/auth/me`, cookie, cpuMs },
      bearer: { url: `${server.base}/api/auth/me`, headers: { authorization: `Bearer ${token}` }, cpuMs },
    },
    { slices: 10, connections: 16 },
  );
  return {
    health,
    me,
    bearer,
    ratio: Number((me.requestsPerSecond / health.requestsPerSecond).toFixed(3)),
    serverCpuRatio: Number((health.serverCpuMicrosecondsPerRequest / me.serverCpuMicrosecondsPerRequest).toFixed(3)),
    bearerToCookieRatio: Number((bearer.requestsPerSecond / me.requestsPerSecond).toFixed(3)),
    bearerToCookieCpuRatio: Number(
      (me.serverCpuMicrosecondsPerRequest / bearer.serverCpuMicrosecondsPerRequest).toFixed(3),
    ),
  };
};

export default sessionOverhead;
