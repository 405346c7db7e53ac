import 'server-only';
import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';

export type AuditActor = { id: string; username: string } | null;

export type AuditEntry = {
  actor: AuditActor;
  action: string;
  target?: { type: string; id: string };
  ipAddress?: string | null;
  details?: Record<string, unknown>;
};

/** Writes one audit row; pass the transaction of the change so both commit or neither does. */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorUsername: entry.actor?.username ?? null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    ipAddress: entry.ipAddress ?? null,
    details: entry.details ?? null,
  });
}
