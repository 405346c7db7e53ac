// npm run db:migrate: applies pending migrations from drizzle/ (the app also does this on start).
import { getConfig } from '../lib/config';
import { closeDatabase, getDatabaseHandle } from '../lib/db/client';
import { runCli, UsageError } from './cli';

void runCli(async () => {
  const extra = process.argv.slice(2);
  if (extra.length > 0) throw new UsageError(`npm run db:migrate takes no options; got "${extra.join(' ')}".`);
  const config = getConfig();
  await getDatabaseHandle(); // opening the database applies the migrations
  await closeDatabase();
  console.log(
    `Migrations applied to ${config.database.kind === 'postgres' ? 'the PostgreSQL database in DATABASE_URL' : `the embedded database in ${config.dataDir}`}.`,
  );
});
