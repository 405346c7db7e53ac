import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../lib/db/client';
import type { Scenario } from '../support/context';
import { Pm2Cluster } from '../support/pm2-cluster';
import { BenchServer } from '../support/stack';

const laterStarts = 3;
const round = (ms: number) => Math.round(ms);

/** `pm2 start` of two workers on PostgreSQL: the first start migrates a fresh database. */
async function pm2Starts(databaseUrl: string) {
  const starts: { firstReadyMs: number; allOnlineMs: number }[] = [];
  for (let start = 0; start <= laterStarts; start++) {
    const cluster = new Pm2Cluster(databaseUrl, 2);
    try {
      await cluster.prepare();
      const times = await cluster.start();
      starts.push({ firstReadyMs: round(times.firstReadyMs), allOnlineMs: round(times.allOnlineMs) });
    } finally {
      cluster.stop();
    }
  }
  return { first: starts[0], later: starts.slice(1) };
}

/** One server process on the embedded database: from spawn to the first 200 from /api/health/ready. */
async function embeddedServerStarts(dataDir: string) {
  const readyMs: number[] = [];
  for (let start = 0; start <= laterStarts; start++) {
    const server = new BenchServer(null, { DATA_DIR: dataDir });
    try {
      readyMs.push(round(await server.start()));
    } finally {
      await server.stop();
    }
  }
  return { firstReadyMs: readyMs[0], laterReadyMs: readyMs.slice(1) };
}

/** Opening PGlite in this process, as the server does: first on an empty directory (create and migrate), then again. */
async function embeddedDatabaseOpens(dataDir: string) {
  const openMs: number[] = [];
  for (let open = 0; open <= laterStarts; open++) {
    const started = performance.now();
    const handle = await openDatabase({ kind: 'pglite', dataDir });
    openMs.push(round(performance.now() - started));
    await handle.close();
  }
  return { firstOpenMs: openMs[0], laterOpenMs: openMs.slice(1) };
}

/** Scenario 7: cold start under PM2 on PostgreSQL, and of the embedded database on first and later starts. */
const coldStart: Scenario = async (context) => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-bench-cold-'));
  try {
    return {
      pm2OnPostgres: await pm2Starts(context.databaseUrl),
      embeddedServer: await embeddedServerStarts(path.join(scratch, 'server-data')),
      embeddedDatabaseOpen: await embeddedDatabaseOpens(path.join(scratch, 'open-data')),
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
};

export default coldStart;
