import { sql } from 'drizzle-orm';
import { closeDatabase, getDb } from '../../../lib/db/client';

// Runs the SQL on standard input against the database the environment names (see run-sql.ts):
// bulk data for a spec, written in one statement instead of hundreds of app calls.
async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const db = await getDb();
  await db.execute(sql.raw(Buffer.concat(chunks).toString('utf8')));
  await closeDatabase();
}

await main();
