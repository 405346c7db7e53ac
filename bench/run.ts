// npm run bench [-- session-overhead million-sessions memory login-storm]
// Starts the production server on 127.0.0.1 against a fresh PostgreSQL database (BENCH_DATABASE_URL's
// server, else a throwaway embedded one), runs the chosen scenarios (all by default), prints a
// table and writes bench/results/<scenario>.json. Benchmarks, not tests: nothing here asserts.
import fs from 'node:fs';
import os from 'node:os';
import { loginStorm } from './scenarios/login-storm';
import { memory } from './scenarios/memory';
import { millionSessions } from './scenarios/million-sessions';
import { sessionOverhead } from './scenarios/session-overhead';
import { insertFillerUsers } from './support/sessions';
import { benchDatabase, BenchServer, ensureBenchBuild } from './support/stack';

const all = ['session-overhead', 'million-sessions', 'memory', 'login-storm'] as const;
type Scenario = (typeof all)[number];

const chosen = (process.argv.slice(2).length ? process.argv.slice(2) : all) as Scenario[];
const unknown = chosen.filter((name) => !all.includes(name));
if (unknown.length) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; choose from ${all.join(', ')}`);
  process.exit(2);
}

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` };

function save(name: string, result: object): void {
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(`bench/results/${name}.json`, JSON.stringify({ scenario: name, measuredAt: new Date().toISOString(), machine, result }, null, 2) + '\n');
  console.log(`\n== ${name}\n${JSON.stringify(result, null, 2)}`);
}

async function main(): Promise<void> {
  ensureBenchBuild();
  for (const name of chosen) {
    // A fresh database and server per scenario, so one never measures another's leftovers.
    const database = await benchDatabase();
    const server = new BenchServer(database.url, { BCRYPT_COST: '12' });
    try {
      server.createUser('bench', 'bench-password-1');
      await insertFillerUsers(database.url, 499); // 500 users in all

      await server.start();
      const cookie = await server.login('bench', 'bench-password-1');
      if (name === 'session-overhead') save(name, await sessionOverhead(server, cookie));
      if (name === 'million-sessions') save(name, await millionSessions(server, database.url, cookie));
      if (name === 'memory') save(name, await memory(server, database.url, 'bench'));
      if (name === 'login-storm') save(name, await loginStorm(server, cookie, { username: 'bench', password: 'bench-password-1' }));
    } finally {
      await server.stop();
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
