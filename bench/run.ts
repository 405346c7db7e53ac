// npm run bench [-- <scenario> …]
// Runs the chosen scenarios (all by default), each on a fresh PostgreSQL database (BENCH_DATABASE_URL's
// server, else a throwaway embedded one), prints each result and writes bench/results/<scenario>.json.
// A scenario is a file in bench/scenarios/ whose default export is a Scenario (bench/support/context.ts).
// Benchmarks, not tests: nothing here asserts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchContext, type Scenario } from './support/context';
import { benchDatabase, ensureBenchBuild, type BenchServer } from './support/stack';

const scenarioDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios');
const all = fs
  .readdirSync(scenarioDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .sort();

const chosen = process.argv.slice(2).length ? process.argv.slice(2) : all;
const unknown = chosen.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; choose from ${all.join(', ')}`);
  process.exit(2);
}

const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
};

function save(name: string, result: object): void {
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(
    `bench/results/${name}.json`,
    JSON.stringify({ scenario: name, measuredAt: new Date().toISOString(), machine, result }, null, 2) + '\n',
  );
  console.log(`\n== ${name}\n${JSON.stringify(result, null, 2)}`);
}

async function main(): Promise<void> {
  ensureBenchBuild();
  for (const name of chosen) {
    const scenario = ((await import(path.join(scenarioDir, `${name}.ts`))) as { default: Scenario }).default;
    // A fresh database and server per scenario, so one never measures another's leftovers.
    const database = await benchDatabase();
    const servers: BenchServer[] = [];
    try {
      save(name, await scenario(benchContext(database.url, servers)));
    } finally {
      for (const server of servers) await server.stop();
      await database.dispose();
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
