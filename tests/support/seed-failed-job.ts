// Leaves one failed mail job in the database of DATA_DIR/DATABASE_URL (with the app stopped), as
// if the mail server had refused it on every attempt; prints its id. For the admin jobs e2e spec.
import { sql } from 'drizzle-orm';
import { closeDatabase, getDb } from '../../lib/db/client';
import { enqueueJob } from '../../lib/jobs/queue';

const message = process.argv[2] ?? 'Connection refused by the mail server';
const db = await getDb();
const id = await db.transaction(async (tx) => {
  const jobId = await enqueueJob(tx, 'mail-send', { seeded: true });
  await tx.execute(
    sql`update pgboss.job set state = 'failed', retry_count = retry_limit, started_on = now(), completed_on = now(),
          output = ${JSON.stringify({ message })}::jsonb
        where id = ${jobId}`,
  );
  return jobId;
});
await closeDatabase();
process.stdout.write(`${id}\n`);
