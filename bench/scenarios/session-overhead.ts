import { load, type LoadResult } from '../support/load';
import type { BenchServer } from '../support/stack';

/** Scenario 1: authenticated GET /api/auth/me against unauthenticated GET /api/health, same server. */
export async function sessionOverhead(server: BenchServer, cookie: string, seconds = 10): Promise<{ health: LoadResult; me: LoadResult; ratio: number }> {
  await load({ url: `${server.base}/api/health`, seconds: 2, connections: 16 }); // warm-up
  await load({ url: `${server.base}/api/auth/me`, seconds: 2, connections: 16, cookies: [cookie] });
  const health = await load({ url: `${server.base}/api/health`, seconds, connections: 16 });
  const me = await load({ url: `${server.base}/api/auth/me`, seconds, connections: 16, cookies: [cookie] });
  return { health, me, ratio: Number((me.requestsPerSecond / health.requestsPerSecond).toFixed(3)) };
}
