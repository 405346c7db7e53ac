import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../actor';
import { getDb } from '../db/client';
import { users } from '../db/schema';
import { bulkChanges } from '../db/schema-bulk';
import { runBulkChange } from './apply';

const jobData = z.object({ bulkChangeId: z.uuid() });

/**
 * The 'bulk-change' job: applies a large change as the person who previewed it, with their role
 * as it is now. Run again after a crash or an expiry, it goes on with the items left.
 */
export async function runBulkChangeJob(data: unknown): Promise<void> {
  const { bulkChangeId } = jobData.parse(data);
  const db = await getDb();
  const [row] = await db
    .select({
      ipAddress: bulkChanges.ipAddress,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      email: users.email,
      role: users.role,
      active: users.active,
    })
    .from(bulkChanges)
    .innerJoin(users, eq(users.id, bulkChanges.actorId))
    .where(eq(bulkChanges.id, bulkChangeId));
  if (!row) return;
  const { ipAddress, active, ...user } = row;
  // Someone deactivated since acts as a requester, and runBulkChange applies nothing more in their name.
  const actor: Actor = { ...user, role: active ? user.role : 'requester', ipAddress, requestId: null, sessionId: null };
  await runBulkChange(db, actor, bulkChangeId);
}
