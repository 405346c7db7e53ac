import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { pruneExpiredSessions } from '../../lib/auth/session-pruning';
import { loadConfig } from '../../lib/config';
import type { Database } from '../../lib/db/client';
import * as schema from '../../lib/db/schema';
import { load } from '../support/load';
import { alternateSlices } from '../support/alternate';
import { fillSessionsTable, insertFillerUsers } from '../support/sessions';
import { benchUser, type Scenario } from '../support/context';
import { benchSecret, BenchServer, createDatabaseOn } from '../support/stack';

const connections = 16;
type Target = { server: BenchServer; cookie: string };

/**
 * Scenario 2: /api/auth/me with one session row and with a million (most expired or other users'),
 * then while those expired rows are pruned. Two identical servers, one per database, measured in
 * alternating slices (bench/support/alternate.ts): one-after-the-other runs measured this machine's
 * drift between two 10 s windows, more than anything the table's size could do.
 */
const millionSessions: Scenario = async (context) => {
  const one: Target = await context.server();
  const sibling = await createDatabaseOn(context.databaseUrl); // on the same PostgreSQL server
  const millionServer = new BenchServer(sibling.url, { BCRYPT_COST: '12' });
  try {
    millionServer.createUser(benchUser.username, benchUser.password);
    await insertFillerUsers(sibling.url, 499);
    await millionServer.start();
    const million: Target = {
      server: millionServer,
      cookie: await millionServer.login(benchUser.username, benchUser.password),
    };
    const filledAt = Date.now();
    await fillSessionsTable(sibling.url, 1_000_000);
    const fillSeconds = (Date.now() - filledAt) / 1000;

    const url = (target: Target) => `${target.server.base}/api/auth/me`;
    const slice = (target: Target) => ({ url: url(target), cookie: target.cookie, cpuMs: () => target.server.cpuMs() });
    const { one: oneRow, million: millionRows } = await alternateSlices(
      { one: slice(one), million: slice(million) },
      { slices: 10, connections },
    );

    const client = postgres(sibling.url, { max: 2, onnotice: () => {} });
    const db = drizzle(client, { schema }) as unknown as Database;
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: benchSecret, DATABASE_URL: sibling.url });
    let pruneSeconds = 0;
    const pruning = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const started = Date.now();
      const result = await pruneExpiredSessions(db, config);
      pruneSeconds = (Date.now() - started) / 1000;
      return result;
    })();
    const duringPrune = await load({ url: url(million), seconds: 10, connections, cookies: [million.cookie] });
    const pruned = await pruning;
    await client.end();
    return {
      one: oneRow,
      million: millionRows,
      duringPrune,
      fillSeconds,
      pruneSeconds,
      pruned,
      throughputRatio: Number((millionRows.requestsPerSecond / oneRow.requestsPerSecond).toFixed(3)),
      serverCpuRatio: Number(
        (oneRow.serverCpuMicrosecondsPerRequest / millionRows.serverCpuMicrosecondsPerRequest).toFixed(3),
      ),
      p99DuringPruneRatio: Number((duringPrune.p99 / millionRows.p99).toFixed(2)),
    };
  } finally {
    await millionServer.stop();
    await sibling.drop();
  }
};

export default millionSessions;
