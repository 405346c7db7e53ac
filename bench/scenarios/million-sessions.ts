import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { pruneExpiredSessions } from '../../lib/auth/session-pruning';
import { loadConfig } from '../../lib/config';
import type { Database } from '../../lib/db/client';
import * as schema from '../../lib/db/schema';
import { load } from '../support/load';
import { percentile, recordLatencies } from '../support/latency-load';
import { fillSessionsTable, insertFillerUsers } from '../support/sessions';
import { benchUser, type Scenario } from '../support/context';
import { benchSecret, BenchServer } from '../support/stack';

const connections = 16;
const slices = 10;

type Target = { server: BenchServer; cookie: string };
type Totals = { requests: number; seconds: number; serverCpuMs: number; latencies: number[]; failures: number };

/** A second database on the same PostgreSQL server as `databaseUrl`, and a way to drop it. */
async function siblingDatabase(databaseUrl: string) {
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const name = `iam_bench_million_${Date.now()}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  } };
}

function summary(totals: Totals) {
  const sorted = [...totals.latencies].sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(totals.requests / totals.seconds),
    p50: Number(percentile(sorted, 0.5).toFixed(2)),
    p99: Number(percentile(sorted, 0.99).toFixed(2)),
    serverCpuMicrosecondsPerRequest: Math.round((1000 * totals.serverCpuMs) / totals.requests),
    requests: totals.requests,
    failures: totals.failures,
  };
}

/**
 * Scenario 2: /api/auth/me with one session row and with a million (most expired or other users'),
 * then while those expired rows are pruned. Two identical servers, one per database, measured in
 * alternating 1 s slices: this machine's speed drifts by ±30 % between two 10 s windows, more than
 * anything the table's size could do, so one-after-the-other runs measured the drift.
 */
const millionSessions: Scenario = async (context) => {
  const one: Target = await context.server();
  const sibling = await siblingDatabase(context.databaseUrl);
  const millionServer = new BenchServer(sibling.url, { BCRYPT_COST: '12' });
  try {
    millionServer.createUser(benchUser.username, benchUser.password);
    await insertFillerUsers(sibling.url, 499);
    await millionServer.start();
    const million: Target = { server: millionServer, cookie: await millionServer.login(benchUser.username, benchUser.password) };
    const filledAt = Date.now();
    await fillSessionsTable(sibling.url, 1_000_000);
    const fillSeconds = (Date.now() - filledAt) / 1000;

    const url = (target: Target) => `${target.server.base}/api/auth/me`;
    const targets = { one, million };
    const empty = (): Totals => ({ requests: 0, seconds: 0, serverCpuMs: 0, latencies: [], failures: 0 });
    const totals = { one: empty(), million: empty() };
    for (const target of [one, million]) await recordLatencies({ url: url(target), seconds: 2, connections, cookie: target.cookie }); // warm-up
    for (let slice = 0; slice < slices; slice++) {
      for (const name of slice % 2 === 0 ? (['one', 'million'] as const) : (['million', 'one'] as const)) {
        const target = targets[name];
        const cpuBefore = target.server.cpuMs();
        const started = performance.now();
        const result = await recordLatencies({ url: url(target), seconds: 1, connections, cookie: target.cookie });
        const into = totals[name];
        into.seconds += (performance.now() - started) / 1000;
        into.serverCpuMs += target.server.cpuMs() - cpuBefore;
        into.requests += result.latencies.length;
        into.latencies.push(...result.latencies);
        into.failures += result.summary.errors + result.summary.timeouts + result.summary.non2xx;
      }
    }
    const [oneRow, millionRows] = [summary(totals.one), summary(totals.million)];

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
      serverCpuRatio: Number((oneRow.serverCpuMicrosecondsPerRequest / millionRows.serverCpuMicrosecondsPerRequest).toFixed(3)),
      p99DuringPruneRatio: Number((duringPrune.p99 / millionRows.p99).toFixed(2)),
    };
  } finally {
    await millionServer.stop();
    await sibling.drop();
  }
};

export default millionSessions;
