import 'server-only';
import { recordAudit } from '../audit/record';
import { getDb } from '../db/client';
import { instanceSetup } from '../db/schema';
import { AppError } from '../errors';
import { insertUser } from './mutations';
import { anyUserExists } from './queries';

const closedMessage = 'Setup is already complete. Sign in instead.';

// Once true, it stays true: the instance_setup row and users are never removed by the app.
const setupDoneKey = Symbol.for('it-assets-manager.setup-done');

export async function isSetupNeeded(): Promise<boolean> {
  const holder = globalThis as { [setupDoneKey]?: boolean };
  if (holder[setupDoneKey]) return false;
  const needed = !(await anyUserExists(await getDb()));
  if (!needed) holder[setupDoneKey] = true;
  return needed;
}

/**
 * Creates the first admin. The single-row instance_setup table makes this happen once: a second
 * submission, even one racing the first, conflicts on its primary key and changes nothing.
 */
export async function completeFirstRunSetup(
  input: { username: string; displayName: string; password: string },
  ipAddress: string,
) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(instanceSetup)
      .values({ id: 1 })
      .onConflictDoNothing()
      .returning({ id: instanceSetup.id });
    if (claimed.length === 0 || (await anyUserExists(tx))) throw new AppError('setup_closed', closedMessage);
    const admin = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      role: 'admin',
      password: input.password,
    });
    // Nobody is signed in yet: the audit row says only where the request came from.
    await recordAudit(tx, null, {
      action: 'user.create',
      target: { type: 'user', id: admin.id },
      ipAddress,
      details: { username: admin.username, role: admin.role },
    });
    await tx.update(instanceSetup).set({ adminId: admin.id });
    return admin;
  });
}
