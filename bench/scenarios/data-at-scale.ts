import os from 'node:os';
import postgres from 'postgres';
import type { Actor } from '../../lib/actor';
import type { SessionUser } from '../../lib/auth/session-types';
import { benchUser, type Scenario } from '../support/context';
import { explainScalePages, type QueryPlan } from '../support/explain-scale';
import { alternateSlices, type SliceSummary } from '../support/alternate';
import { NextFloorApp } from '../support/next-floor';
import { Pm2Cluster } from '../support/pm2-cluster';
import { processCpuMs } from '../support/process-cpu';
import { signIn } from '../support/stack';
import { floorPageName, scalePages, type ScalePage } from '../support/scale-pages';
import { scaleCounts, seedScale } from '../support/seed-scale';

const connections = 8;

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

const slicesPerPage = 6;

type Measured = SliceSummary & { name: string; path: string };

/**
 * Every page under load, each in alternating 1 s slices with the floor page (bench/support/
 * alternate.ts), so its share of the floor's throughput compares two things measured under the
 * same conditions while this shared machine's speed drifts. `serverCpuMs` reads the CPU time of
 * the process(es) serving.
 */
async function measurePages(
  base: string,
  cookie: string,
  pages: ScalePage[],
  plans: QueryPlans,
  pageBytes: Record<string, number>,
  serverCpuMs: () => number,
) {
  const floorPage = pages.find((page) => page.name === floorPageName)!;
  const floorTarget = { url: `${base}${floorPage.path}`, cookie, cpuMs: serverCpuMs };
  const floorSlices: Measured[] = [];
  const measured = [];
  for (const page of pages) {
    if (page === floorPage) continue;
    const loadAverage = Number(os.loadavg()[0].toFixed(2));
    const { floor, own } = await alternateSlices(
      { floor: floorTarget, own: { url: `${base}${page.path}`, cookie, cpuMs: serverCpuMs } },
      { slices: slicesPerPage, connections },
    );
    floorSlices.push({ ...floor, name: floorPage.name, path: floorPage.path });
    const floorShare = Number((own.requestsPerSecond / floor.requestsPerSecond).toFixed(2));
    measured.push({
      name: page.name,
      path: page.path,
      bytes: pageBytes[page.name],
      ...own,
      floorRequestsPerSecond: floor.requestsPerSecond,
      floorShare,
      floorShareBudget: page.floorShareBudget ?? null,
      withinFloorShareBudget: page.floorShareBudget === undefined ? null : floorShare >= page.floorShareBudget,
      budgetP95Ms: page.budgetMs,
      withinBudget: page.budgetMs === null ? null : own.p95 <= page.budgetMs,
      loadAverage,
      queryMedianMs: plans[page.name].map((plan) => plan.medianMs),
      queryMedianTotalMs: totalMs(plans[page.name]),
    });
    console.log(
      `${page.name}: ${own.requestsPerSecond} rps = ${floorShare} × the floor's ${floor.requestsPerSecond} (budget ${page.floorShareBudget ?? '—'}), p50 ${own.p50} / p95 ${own.p95} / p99 ${own.p99} ms, CPU per request: server ${own.serverCpuMicrosecondsPerRequest} µs, PostgreSQL ${own.postgresCpuMicrosecondsPerRequest} µs`,
    );
  }
  // The floor's own line: every slice it was measured in, all pages together.
  const floorRps = Math.round(floorSlices.reduce((sum, run) => sum + run.requestsPerSecond, 0) / floorSlices.length);
  const reference = {
    name: floorPage.name,
    path: floorPage.path,
    bytes: pageBytes[floorPage.name],
    requestsPerSecond: floorRps,
    p95: Math.max(...floorSlices.map((run) => run.p95)),
    serverCpuMicrosecondsPerRequest: Math.round(
      floorSlices.reduce((sum, run) => sum + run.serverCpuMicrosecondsPerRequest, 0) / floorSlices.length,
    ),
    floorShare: 1,
    queryMedianTotalMs: totalMs(plans[floorPage.name]),
  };
  const missed = measured.filter((page) => page.withinFloorShareBudget === false).map((page) => page.name);
  return { pages: [reference, ...measured], missed };
}

/** Our floor page against Next.js's own one-page app, alternating, both on one process. */
async function measureAgainstNextFloor(base: string, cookie: string, serverCpuMs: () => number) {
  const next = new NextFloorApp();
  next.build();
  await next.start();
  try {
    const { ours, nextOwn } = await alternateSlices(
      {
        ours: { url: `${base}/account`, cookie, cpuMs: serverCpuMs },
        nextOwn: { url: `${next.base}/`, cpuMs: () => next.cpuMs() },
      },
      { slices: 10, connections },
    );
    const ratio = Number((nextOwn.requestsPerSecond / ours.requestsPerSecond).toFixed(2));
    console.log(
      `Floor: ours ${ours.requestsPerSecond} rps (${ours.serverCpuMicrosecondsPerRequest} µs CPU), Next.js's own ${nextOwn.requestsPerSecond} rps (${nextOwn.serverCpuMicrosecondsPerRequest} µs): ${ratio}×`,
    );
    return { ours, nextOwn, nextOwnToOursRatio: ratio, goalRatio: 1.5 };
  } finally {
    await next.stop();
  }
}

/** The same pages served as deployed in production: a PM2 cluster of two workers (issue 4's setup). */
async function measureInPm2Cluster(databaseUrl: string, pages: ScalePage[], plans: QueryPlans) {
  const cluster = new Pm2Cluster(databaseUrl, 2);
  await cluster.prepare();
  try {
    await cluster.start();
    const cookie = await signIn(cluster.base, benchUser.username, benchUser.password);
    const pageBytes = await assertAnswers(cluster.base, cookie, pages);
    const pids = await cluster.workerPids();
    const workersCpuMs = () => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);
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
  const oneProcess = await measurePages(server.base, cookie, pages, plans, pageBytes, () => server.cpuMs());
  // After the pages, so our server is as warmed up as the one-page app gets in its own warm-up.
  const floorAgainstNext = await measureAgainstNextFloor(server.base, cookie, () => server.cpuMs());
  // Only one of the two runs at a time: the cluster gets the cores the single process had.
  await server.stop();
  console.log('PM2 cluster, 2 workers:');
  const pm2TwoWorkers = await measureInPm2Cluster(context.databaseUrl, pages, plans);
  return {
    data: scaleCounts,
    seed,
    method: `${connections} connections; each page alternating with the floor page in 1 s slices, ${slicesPerPage} each after a 2 s warm-up; percentiles exact over every response's latency`,
    floorAgainstNext,
    pages: oneProcess.pages,
    missed: oneProcess.missed,
    pm2TwoWorkers,
    plans,
  };
};

export default dataAtScale;
