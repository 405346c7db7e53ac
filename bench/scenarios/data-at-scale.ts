import os from 'node:os';
import postgres from 'postgres';
import type { Actor } from '../../lib/actor';
import type { SessionUser } from '../../lib/auth/session-types';
import { benchUser, type Scenario } from '../support/context';
import { explainScalePages, type QueryPlan } from '../support/explain-scale';
import { loadWithLatencies } from '../support/latency-load';
import { Pm2Cluster } from '../support/pm2-cluster';
import { postgresCpuMs, processCpuMs } from '../support/process-cpu';
import { signIn } from '../support/stack';
import { scalePages, type ScalePage } from '../support/scale-pages';
import { scaleCounts, seedScale } from '../support/seed-scale';

const connections = 8;
const warmUpSeconds = 2;
const measuredSeconds = 6;

/**
 * One request per page, refusing to measure anything but the right answer (no login redirect, no
 * error page). Resolves with each page's size in bytes: markup rendered by a server component goes
 * out twice, as HTML and in the RSC payload, so a page that grows here costs more to render.
 */
async function assertAnswers(base: string, cookie: string, pages: ScalePage[]): Promise<Record<string, number>> {
  const bytes: Record<string, number> = {};
  for (const page of pages) {
    const reply = await fetch(`${base}${page.path}`, { headers: { cookie }, redirect: 'manual' });
    const body = await reply.text();
    if (reply.status !== 200 || !page.check(body))
      throw new Error(`${page.path} answered ${reply.status} without the expected content: ${body.slice(0, 200)}`);
    bytes[page.name] = Buffer.byteLength(body);
  }
  return bytes;
}

async function loadAgent(databaseUrl: string): Promise<Actor> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [agent] = await sql<
      SessionUser[]
    >`select id, username, display_name as "displayName", email, role from users where username = ${benchUser.username}`;
    return { ...agent, ipAddress: null, requestId: null, sessionId: null };
  } finally {
    await sql.end();
  }
}

const totalMs = (plans: QueryPlan[]) => Number(plans.reduce((sum, plan) => sum + plan.medianMs, 0).toFixed(1));

type QueryPlans = Record<string, QueryPlan[]>;

/** Every page under load in turn; `serverCpuMs` reads the CPU time of the process(es) serving. */
async function measurePages(
  base: string,
  cookie: string,
  pages: ScalePage[],
  plans: QueryPlans,
  pageBytes: Record<string, number>,
  serverCpuMs: () => Promise<number>,
) {
  const measured = [];
  for (const page of pages) {
    const url = `${base}${page.path}`;
    await loadWithLatencies({ url, seconds: warmUpSeconds, connections, cookie });
    // Other work on this shared machine is not ours to stop; the load average says how much there was.
    const loadAverage = Number(os.loadavg()[0].toFixed(2));
    const [serverBefore, databaseBefore] = [await serverCpuMs(), postgresCpuMs()];
    const result = await loadWithLatencies({ url, seconds: measuredSeconds, connections, cookie });
    // What one request costs in processor time, whatever else the machine was doing: the figures
    // to compare across runs when latencies move with the machine's load.
    const perRequest = (ms: number) => Number((ms / result.requests).toFixed(2));
    const serverCpuMsPerRequest = perRequest((await serverCpuMs()) - serverBefore);
    const databaseCpuMsPerRequest = perRequest(postgresCpuMs() - databaseBefore);
    measured.push({
      name: page.name,
      path: page.path,
      bytes: pageBytes[page.name],
      ...result,
      budgetP95Ms: page.budgetMs,
      withinBudget: page.budgetMs === null ? null : result.p95 <= page.budgetMs,
      loadAverage,
      serverCpuMsPerRequest,
      databaseCpuMsPerRequest,
      queryMedianMs: plans[page.name].map((plan) => plan.medianMs),
      queryMedianTotalMs: totalMs(plans[page.name]),
    });
    console.log(
      `${page.name}: ${result.requestsPerSecond} rps, p50 ${result.p50} / p95 ${result.p95} / p99 ${result.p99} ms (budget ${page.budgetMs ?? '—'}), CPU per request: server ${serverCpuMsPerRequest} ms, PostgreSQL ${databaseCpuMsPerRequest} ms`,
    );
  }
  return { pages: measured, missed: measured.filter((page) => page.withinBudget === false).map((page) => page.name) };
}

/** The same pages served as deployed in production: a PM2 cluster of two workers (issue 4's setup). */
async function measureInPm2Cluster(databaseUrl: string, pages: ScalePage[], plans: QueryPlans) {
  const cluster = new Pm2Cluster(databaseUrl, 2);
  await cluster.prepare();
  try {
    await cluster.start();
    const cookie = await signIn(cluster.base, benchUser.username, benchUser.password);
    const pageBytes = await assertAnswers(cluster.base, cookie, pages);
    const workersCpuMs = async () => (await cluster.workerPids()).reduce((sum, pid) => sum + processCpuMs(pid), 0);
    return await measurePages(cluster.base, cookie, pages, plans, pageBytes, workersCpuMs);
  } finally {
    cluster.stop();
  }
}

/**
 * Scenario 3: 100,000 tickets, 50,000 assets, 500 users, 20 licenses. Each list, search and the
 * dashboard under 8 concurrent connections, as the agent `bench` (agents see every ticket and asset):
 * first on one server process, then on a PM2 cluster of two workers.
 */
const dataAtScale: Scenario = async (context) => {
  const { server, cookie } = await context.server();
  const seed = await seedScale(context.databaseUrl, benchUser.username);
  const agent = await loadAgent(context.databaseUrl);
  const pages = scalePages(agent.id);
  const pageBytes = await assertAnswers(server.base, cookie, pages);
  const plans = await explainScalePages(context.databaseUrl, agent, pages);

  console.log('One server process:');
  const oneProcess = await measurePages(server.base, cookie, pages, plans, pageBytes, () =>
    Promise.resolve(server.cpuMs()),
  );
  // Only one of the two runs at a time: the cluster gets the cores the single process had.
  await server.stop();
  console.log('PM2 cluster, 2 workers:');
  const pm2TwoWorkers = await measureInPm2Cluster(context.databaseUrl, pages, plans);
  return {
    data: scaleCounts,
    seed,
    method: `${connections} connections, ${warmUpSeconds} s warm-up then ${measuredSeconds} s per page; percentiles exact over every response's latency`,
    pages: oneProcess.pages,
    missed: oneProcess.missed,
    pm2TwoWorkers,
    plans,
  };
};

export default dataAtScale;
