import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assetCsv } from '../../tests/support/asset-csv';
import { importLines } from '../../tests/support/import-upload';
import { benchUser, type Scenario } from '../support/context';
import { latencySummary } from '../support/latency-load';
import { BenchServer } from '../support/stack';

const rows = 20_000;
const round = (ms: number) => Math.round(ms);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Imports `rows` new assets: how long it took, how many progress lines came, and when the first did. */
async function timedImport(server: BenchServer, cookie: string, prefix: string) {
  const progressAt: number[] = [];
  const started = performance.now();
  const url = `${server.base}/api/assets/import?fileName=${prefix}.csv`;
  for await (const line of importLines(url, cookie, assetCsv(rows, prefix))) {
    if (line.type === 'progress') progressAt.push(performance.now() - started);
    else if (line.type !== 'result' || line.created !== rows) throw new Error(`import: ${JSON.stringify(line)}`);
  }
  return {
    importMs: round(performance.now() - started),
    progressEvents: progressAt.length,
    firstProgressMs: round(progressAt[0] ?? 0),
  };
}

/**
 * A 20,000-row import alone, then another while two other clients ask, one request at a time, for
 * /api/health (no database) and for the first page of assets (a database read).
 */
async function importWhileOthersAsk(server: BenchServer, cookie: string) {
  const alone = await timedImport(server, cookie, 'QUIET');
  const health: number[] = [];
  const assetPage: number[] = [];
  let finished = false;
  const poll = async (url: string, into: number[], headers: Record<string, string> = {}) => {
    while (!finished) {
      const sent = performance.now();
      await (await fetch(url, { headers })).arrayBuffer();
      into.push(performance.now() - sent);
      await sleep(10);
    }
  };
  const importing = timedImport(server, cookie, 'BUSY').finally(() => (finished = true));
  await Promise.all([
    importing,
    poll(`${server.base}/api/health`, health),
    poll(`${server.base}/api/assets?pageSize=25`, assetPage, { cookie }),
  ]);
  return {
    aloneImportMs: alone.importMs,
    ...(await importing),
    health: latencySummary(health),
    assetPage: latencySummary(assetPage),
  };
}

/** Scenario 8: a 20,000-row CSV import on PostgreSQL and on the embedded database, and what other requests wait. */
const csvImport: Scenario = async (context) => {
  const { server, cookie } = await context.server();
  const postgres = await importWhileOthersAsk(server, cookie);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-bench-import-'));
  const embedded = new BenchServer(null, { DATA_DIR: dataDir });
  try {
    embedded.createUser(benchUser.username, benchUser.password);
    await embedded.start();
    return {
      rows,
      postgres,
      embedded: await importWhileOthersAsk(embedded, await embedded.login(benchUser.username, benchUser.password)),
    };
  } finally {
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
};

export default csvImport;
