// npm run db:seed-demo -- [--tickets N] [--assets N] [--with-users] [--force]
// Fills a realistic demo data set in one transaction. Demo users are made only with --with-users;
// their generated passwords are printed once, here, and stored nowhere else in clear.
import { parseArgs } from 'node:util';
import { getConfig } from '../lib/config';
import { closeDatabase, getDb } from '../lib/db/client';
import { demoSeedPlan } from '../lib/demo/plan';
import { seedDemoData } from '../lib/demo/seed';
import { runCli, UsageError } from './cli';

const usage = 'Usage: npm run db:seed-demo -- [--tickets 3000] [--assets 400] [--with-users] [--force]';

function count(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max)
    throw new UsageError(`--${name} must be a whole number from 0 to ${max}; got "${value}"\n${usage}`);
  return Number(value);
}

void runCli(async () => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: {
        tickets: { type: 'string' },
        assets: { type: 'string' },
        'with-users': { type: 'boolean' },
        force: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const options = {
    tickets: count('tickets', values.tickets as string | undefined, 3000, 200_000),
    assets: count('assets', values.assets as string | undefined, 400, 100_000),
    withUsers: Boolean(values['with-users']),
    force: Boolean(values.force),
  };
  getConfig();
  const started = Date.now();
  try {
    const db = await getDb();
    // Say what a forced seed does before doing it (or why it cannot, as one sentence from runCli).
    const plan = await demoSeedPlan(db, options);
    if (plan) console.log(plan);
    const result = await seedDemoData(db, options);
    console.log(
      `Demo data added in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.tickets} tickets, ${result.assets} assets, ${result.licenses} licenses.`,
    );
    if (result.users.length) {
      console.log('\nDemo users (these passwords are shown only now):');
      for (const user of result.users)
        console.log(`  ${user.username.padEnd(20)} ${user.role.padEnd(10)} ${user.password}`);
    }
  } finally {
    await closeDatabase();
  }
});
