// npm run bench:compare -- <name>=<checkout> … [--next-floor] -- <path> …
// Checkouts of this app side by side (git worktrees, each built into its BENCH_DIST_DIR, by default
// .next-bench): one server per checkout on one database seeded as scenario 3's, each path measured
// on every server in alternating slices (bench/support/alternate.ts), so their ratios hold while the
// machine's speed drifts. A checkout with one part taken out against one with it is how BENCHMARKS.md
// takes a page apart. `--next-floor` adds Next.js's own one-page app (at its "/") to every path.
// Prints, saves nothing; benchmarks, not tests: nothing here asserts.
import fs from 'node:fs';
import path from 'node:path';
import { benchUser } from './support/context';
import { alternateSlices, type SliceTarget } from './support/alternate';
import { NextFloorApp } from './support/next-floor';
import { seedScaleDatabase } from './support/seeded-server';
import { benchDatabase, BenchServer, distDir } from './support/stack';

const slices = 12;
const connections = 8;
const nextFloorName = 'next.js';

type Checkout = { name: string; dir: string };

function usage(problem: string): never {
  console.error(`${problem}\nUsage: npm run bench:compare -- <name>=<checkout> … [--next-floor] -- <path> …`);
  process.exit(2);
}

function parseArguments(args: string[]): { checkouts: Checkout[]; paths: string[]; nextFloor: boolean } {
  const split = args.indexOf('--');
  if (split < 0) usage('Give the paths to measure after "--".');
  const nextFloor = args.slice(0, split).includes('--next-floor');
  const checkouts = args
    .slice(0, split)
    .filter((arg) => arg !== '--next-floor')
    .map((arg) => {
      const at = arg.indexOf('=');
      const [name, dir] = [arg.slice(0, Math.max(at, 0)), arg.slice(at + 1)];
      if (at <= 0 || !dir) usage(`"${arg}" is not <name>=<checkout>.`);
      if (name === nextFloorName) usage(`"${nextFloorName}" names Next.js's own app; choose another name.`);
      const built = path.resolve(dir, distDir, 'BUILD_ID');
      if (!fs.existsSync(built)) usage(`${dir} has no build in ${distDir}: build it first (README.md, "Benchmarks").`);
      return { name, dir: path.resolve(dir) };
    });
  const paths = args.slice(split + 1);
  if (checkouts.length + (nextFloor ? 1 : 0) < 2) usage('Compare at least two: checkouts, or one and --next-floor.');
  if (new Set(checkouts.map((checkout) => checkout.name)).size < checkouts.length) usage('Each name once.');
  if (paths.length === 0 || paths.some((page) => !page.startsWith('/'))) usage('Paths start with "/".');
  return { checkouts, paths, nextFloor };
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

async function main(): Promise<void> {
  const { checkouts, paths, nextFloor } = parseArguments(process.argv.slice(2));
  const database = await benchDatabase();
  const servers = checkouts.map((checkout) => ({
    ...checkout,
    server: new BenchServer(database.url, { BCRYPT_COST: '12' }, checkout.dir),
    cookie: '',
  }));
  const floor = nextFloor ? new NextFloorApp() : null;
  try {
    // The code this runs from migrates the database; every checkout compared must read that schema.
    console.log('Seeding 100,000 tickets and 50,000 assets…');
    await seedScaleDatabase(servers[0].server, database.url);
    for (const entry of servers) {
      await entry.server.start();
      entry.cookie = await entry.server.login(benchUser.username, benchUser.password);
    }
    if (floor) {
      floor.build();
      await floor.start();
    }
    for (const page of paths) {
      const targets: Record<string, SliceTarget> = {};
      for (const { name, server, cookie } of servers) {
        const reply = await fetch(`${server.base}${page}`, { headers: { cookie }, redirect: 'manual' });
        const bytes = Buffer.byteLength(await reply.text());
        if (reply.status !== 200) throw new Error(`${name} answered ${page} with ${reply.status}, not 200.`);
        console.log(`${name} ${page}: ${bytes} bytes`);
        targets[name] = { url: `${server.base}${page}`, cookie, cpuMs: () => server.cpuMs() };
      }
      if (floor) targets[nextFloorName] = { url: `${floor.base}/`, cpuMs: () => floor.cpuMs() };
      const measured = await alternateSlices(targets, { slices, connections });
      const first = measured[servers[0].name].requestsPerSecond;
      console.log(`\n${page}: rps, share of ${servers[0].name}, p95 ms, server and PostgreSQL CPU ms a request`);
      for (const [name, result] of Object.entries(measured))
        console.log(
          `  ${name.padEnd(16)} ${fixed(result.requestsPerSecond, 0).padStart(5)}  ${fixed(result.requestsPerSecond / first, 2)}` +
            `  ${fixed(result.p95, 1).padStart(6)}  ${fixed(result.serverCpuMicrosecondsPerRequest / 1000, 2)}` +
            ` + ${fixed(result.postgresCpuMicrosecondsPerRequest / 1000, 2)}${result.errors + result.non2xx ? `  (${result.errors} errors, ${result.non2xx} not 2xx)` : ''}`,
        );
    }
  } finally {
    for (const { server } of servers) await server.stop();
    await floor?.stop();
    await database.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
