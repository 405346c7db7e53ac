import { recordLatencies, percentile } from '../support/latency-load';
import type { Scenario } from '../support/context';

const connections = 16;
const slices = 10;
const sliceSeconds = 1;

type Totals = { requests: number; seconds: number; serverCpuMs: number; latencies: number[]; errors: number; non2xx: number };

function summary(totals: Totals) {
  const sorted = [...totals.latencies].sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(totals.requests / totals.seconds),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    serverCpuMicrosecondsPerRequest: Math.round((1000 * totals.serverCpuMs) / totals.requests),
    requests: totals.requests,
    errors: totals.errors,
    non2xx: totals.non2xx,
  };
}

/**
 * Scenario 1: authenticated GET /api/auth/me against unauthenticated GET /api/health, same server.
 * The two alternate in 1 s slices (health, me, me, health, …) rather than running 10 s each one
 * after the other: this machine's speed drifts by ±30 % from one 10 s window to the next, and
 * alternating puts both routes under the same drift, so their ratio holds.
 */
const sessionOverhead: Scenario = async (context) => {
  const { server, cookie } = await context.server();
  const urls = { health: `${server.base}/api/health`, me: `${server.base}/api/auth/me` };
  const empty = (): Totals => ({ requests: 0, seconds: 0, serverCpuMs: 0, latencies: [], errors: 0, non2xx: 0 });
  const totals = { health: empty(), me: empty() };
  for (const route of ['health', 'me'] as const) await recordLatencies({ url: urls[route], seconds: 2, connections, cookie: route === 'me' ? cookie : undefined }); // warm-up

  for (let slice = 0; slice < slices; slice++) {
    const order = slice % 2 === 0 ? (['health', 'me'] as const) : (['me', 'health'] as const);
    for (const route of order) {
      const cpuBefore = server.cpuMs();
      const started = performance.now();
      const result = await recordLatencies({ url: urls[route], seconds: sliceSeconds, connections, cookie: route === 'me' ? cookie : undefined });
      const into = totals[route];
      into.seconds += (performance.now() - started) / 1000;
      into.serverCpuMs += server.cpuMs() - cpuBefore;
      into.requests += result.latencies.length;
      into.latencies.push(...result.latencies);
      into.errors += result.summary.errors + result.summary.timeouts;
      into.non2xx += result.summary.non2xx;
    }
  }
  const health = summary(totals.health);
  const me = summary(totals.me);
  return {
    health,
    me,
    ratio: Number((me.requestsPerSecond / health.requestsPerSecond).toFixed(3)),
    serverCpuRatio: Number((health.serverCpuMicrosecondsPerRequest / me.serverCpuMicrosecondsPerRequest).toFixed(3)),
  };
};

export default sessionOverhead;
