import 'server-only';
import { getDb, type Database, type Transaction } from '../db/client';

/** What a handler behind the boundary gets to reach the database: reads, and one transaction per change. */
export type DatabaseTools = {
  db: Database;
  /** Runs `work` in one transaction: every write of a change commits together, audit row included, or none does. */
  transaction: <T>(work: (tx: Transaction) => Promise<T>) => Promise<T>;
};

export async function databaseTools(): Promise<DatabaseTools> {
  const db = await getDb();
  return { db, transaction: (work) => db.transaction(work) };
}
