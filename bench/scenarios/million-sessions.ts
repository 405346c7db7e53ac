import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { pruneExpiredSessions } from '../../lib/auth/session-pruning';
import { loadConfig } from '../../lib/config';
import type { Database } from '../../lib/db/client';
import * as schema from '../../lib/db/schema';
import { load, type LoadResult } from '../support/load';
import { fillSessionsTable } from '../support/sessions';
import type { Scenario } from '../support/context';
import { benchSecret } from '../support/stack';

/**
 * Scenario 2: /api/auth/me with one session row and with a million (most expired or other
 * users'), then while those expired rows are pruned.
 */
const millionSessions: Scenario = async (context) => {
  const { server, cookie } = await context.server();
  const [databaseUrl, seconds] = [context.databaseUrl, 10];
  const one: LoadResult = await load({ url: `${server.base}/api/auth/me`, seconds, connections: 16, cookies: [cookie] });
  const filledAt = Date.now();
  await fillSessionsTable(databaseUrl, 1_000_000);
  const fillSeconds = (Date.now() - filledAt) / 1000;
  const million = await load({ url: `${server.base}/api/auth/me`, seconds, connections: 16, cookies: [cookie] });

  const client = postgres(databaseUrl, { max: 2, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Database;
  const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: benchSecret, DATABASE_URL: databaseUrl });
  let pruneSeconds = 0;
  const pruning = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const started = Date.now();
    const result = await pruneExpiredSessions(db, config);
    pruneSeconds = (Date.now() - started) / 1000;
    return result;
  })();
  const duringPrune = await load({ url: `${server.base}/api/auth/me`, seconds, connections: 16, cookies: [cookie] });
  const pruned = await pruning;
  await client.end();
  return {
    one,
    million,
    duringPrune,
    fillSeconds,
    pruneSeconds,
    pruned,
    throughputRatio: Number((million.requestsPerSecond / one.requestsPerSecond).toFixed(3)),
    p99DuringPruneRatio: Number((duringPrune.p99 / Math.max(million.p99, 1)).toFixed(2)),
  };
};

export default millionSessions;
