import { load } from '../support/load';
import type { Scenario } from '../support/context';

/** Scenario 1: authenticated GET /api/auth/me against unauthenticated GET /api/health, same server. */
const sessionOverhead: Scenario = async (context) => {
  const { server, cookie } = await context.server();
  const seconds = 10;
  await load({ url: `${server.base}/api/health`, seconds: 2, connections: 16 }); // warm-up
  await load({ url: `${server.base}/api/auth/me`, seconds: 2, connections: 16, cookies: [cookie] });
  const health = await load({ url: `${server.base}/api/health`, seconds, connections: 16 });
  const me = await load({ url: `${server.base}/api/auth/me`, seconds, connections: 16, cookies: [cookie] });
  return { health, me, ratio: Number((me.requestsPerSecond / health.requestsPerSecond).toFixed(3)) };
};

export default sessionOverhead;
