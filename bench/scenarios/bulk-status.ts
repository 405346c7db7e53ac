import postgres from 'postgres';
import type { Actor } from '../../lib/actor';
import { applyBulkChange } from '../../lib/bulk/apply';
import { previewBulkChange } from '../../lib/bulk/preview';
import { getDb } from '../../lib/db/client';
import { benchUser, type Scenario } from '../support/context';
import { withAppEnvironment } from '../support/in-process';
import { latencySummary } from '../support/latency-load';
import { benchSecret } from '../support/stack';

// Changing the status of 10,000 assets in one bulk action on PostgreSQL: the preview and the apply
// run here through the domain functions (as the server action would), the job runs in the
// server's own worker; meanwhile two clients read the asset list, one request at a time.

const assets = 10_000;
const round = (ms: number) => Math.round(ms);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function seedAssets(databaseUrl: string): Promise<{ ids: string[]; actor: Actor }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ id: string }[]>`
      insert into assets (asset_tag, name, category, status)
      select 'BULK-' || lpad(n::text, 5, '0'), 'Bench laptop ' || n, 'Laptop', 'in_stock'
      from generate_series(1, ${assets}) as n
      returning id`;
    const [user] = await sql<{ id: string; username: string; display_name: string; role: 'agent' }[]>`
      select id, username, display_name, role from users where username = ${benchUser.username}`;
    const actor: Actor = {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      email: null,
      role: user.role,
      ipAddress: '127.0.0.1',
      requestId: null,
      sessionId: null,
    };
    return { ids: rows.map((row) => row.id), actor };
  } finally {
    await sql.end();
  }
}

const bulkStatus: Scenario = async (context) => {
  const { server, cookie } = await context.server();
  const { ids, actor } = await seedAssets(context.databaseUrl);

  const lists = { api: `${server.base}/api/assets?pageSize=25`, page: `${server.base}/assets` };
  let finished = false;
  const poll = async (url: string, into: number[]) => {
    while (!finished) {
      const sent = performance.now();
      await (await fetch(url, { headers: { cookie } })).arrayBuffer();
      into.push(performance.now() - sent);
      await sleep(10);
    }
  };
  const quiet = { api: [] as number[], page: [] as number[] };
  const quietRun = Promise.all([poll(lists.api, quiet.api), poll(lists.page, quiet.page)]);
  await sleep(10_000);
  finished = true;
  await quietRun;

  const env = { DATABASE_URL: context.databaseUrl, SESSION_SECRET: benchSecret, NODE_ENV: 'production' };
  const { id, previewMs, applyMs } = await withAppEnvironment(env, async () => {
    const db = await getDb();
    const started = performance.now();
    const previewed = await db.transaction((tx) =>
      previewBulkChange(tx, actor, {
        action: 'asset.status',
        params: { status: 'in_repair' },
        selection: { target: 'asset', ids },
        scope: `${ids.length} selected assets`,
      }),
    );
    const previewDone = performance.now();
    if ((await applyBulkChange(db, actor, previewed)) !== 'queued') throw new Error('expected a job');
    return { id: previewed, previewMs: round(previewDone - started), applyMs: round(performance.now() - previewDone) };
  });

  finished = false;
  const busy = { api: [] as number[], page: [] as number[] };
  const started = performance.now();
  const running = Promise.all([poll(lists.api, busy.api), poll(lists.page, busy.page)]);
  let counts: { changed: number; done: number; failed: number; stale: number; skipped: number } | undefined;
  for (;;) {
    const response = await fetch(`${server.base}/api/bulk-changes/${id}`, { headers: { cookie } });
    const body = (await response.json()) as { bulkChange: { state: string; counts: typeof counts } };
    if (body.bulkChange.state === 'done') {
      counts = body.bulkChange.counts;
      break;
    }
    if (performance.now() - started > 30 * 60_000) throw new Error('the bulk change did not finish in 30 minutes');
    await sleep(250);
  }
  const doneMs = round(performance.now() - started);
  finished = true;
  await running;

  return {
    assets,
    previewMs,
    applyRequestMs: applyMs,
    jobDoneMs: doneMs,
    itemsPerSecond: Math.round((assets / doneMs) * 1000),
    counts,
    listWhileQuiet: { api: latencySummary(quiet.api), page: latencySummary(quiet.page) },
    listWhileRunning: { api: latencySummary(busy.api), page: latencySummary(busy.page) },
  };
};

export default bulkStatus;
