import 'server-only';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client';

// The places tree changes one change at a time, and never under a write that names a place. A
// change (create, rename, move, remove) takes the turn alone; putting assets at a place holds the
// tree still, alongside others doing the same. Each takes it before any row lock, so a change
// waiting for its turn holds nothing another waits for.

const treeLock = sql`hashtext('locations tree')`;

/** For a change of the tree: waits until no other change and no write naming a place is under way. */
export async function takeTreeTurn(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${treeLock})`);
}

/**
 * For a write that names a place (an asset put there, an audit of it): no change of the tree starts
 * until it commits, so the path it copies stays true and the place it names stays there.
 */
export async function holdTreeStill(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${treeLock})`);
}
