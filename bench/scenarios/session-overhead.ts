import { alternateSlices } from '../support/alternate';
import type { Scenario } from '../support/context';

/**
 * Scenario 1: authenticated GET /api/auth/me against unauthenticated GET /api/health, same server,
 * 16 connections, in alternating 1 s slices, ten each (bench/support/alternate.ts).
 */
const sessionOverhead: Scenario = async (context) => {
  const { server, cookie } = await context.server();
  const cpuMs = () => server.cpuMs();
  const { health, me } = await alternateSlices(
    { health: { url: `${server.base}/api/health`, cpuMs }, me: { url: `${server.base}/api/auth/me`, cookie, cpuMs } },
    { slices: 10, connections: 16 },
  );
  return {
    health,
    me,
    ratio: Number((me.requestsPerSecond / health.requestsPerSecond).toFixed(3)),
    serverCpuRatio: Number((health.serverCpuMicrosecondsPerRequest / me.serverCpuMicrosecondsPerRequest).toFixed(3)),
  };
};

export default sessionOverhead;
