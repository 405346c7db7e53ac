import 'server-only';
import type { Executor } from '../db/client';
import { auditLog } from '../db/schema';
import { currentAuditBatch } from './batch';

/** Who did it: an Actor, a command-line actor (no id), someone not signed in yet (null), or a user named explicitly. */
export type AuditActor = {
  id: string | null;
  username: string | null;
  ipAddress?: string | null;
  requestId?: string | null;
  /** The API token the request came with: the row says so (details.viaApiToken). */
  apiToken?: { id: string } | null;
} | null;

export type AuditEvent = {
  action: string;
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
  /** Where from, when there is no actor to say it (a failed sign-in). */
  ipAddress?: string | null;
};

/** Writes one audit row; pass the transaction of the change so both commit or neither does. */
export async function recordAudit(executor: Executor, actor: AuditActor, event: AuditEvent): Promise<void> {
  await executor.insert(auditLog).values(auditRow(actor, event, currentAuditBatch()));
}

/** Writes many audit rows in one statement (a bulk change's chunk), each as recordAudit would write it. */
export async function recordAudits(executor: Executor, actor: AuditActor, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  const batchId = currentAuditBatch();
  await executor.insert(auditLog).values(events.map((event) => auditRow(actor, event, batchId)));
}

function auditRow(actor: AuditActor, event: AuditEvent, batchId: string | undefined): typeof auditLog.$inferInsert {
  const details = batchId ? { ...event.details, batchId } : event.details;
  return {
    actorId: actor?.id ?? null,
    actorUsername: actor?.username ?? null,
    action: event.action,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    ipAddress: event.ipAddress ?? actor?.ipAddress ?? null,
    details: actor?.apiToken ? { ...details, viaApiToken: actor.apiToken.id } : (details ?? null),
  };
}

type Details = Record<string, unknown>;

/**
 * An audit writer for one kind of record: each row it writes names its target the way people know
 * it (an asset by its tag, a ticket by its reference) before the details of what happened. Its
 * `event` builds the same row's event without writing it, for recordAudits.
 */
export function auditFor<Named>(type: string, naming: (target: Named) => Details) {
  const event = (action: string, target: Named & { id: string }, details: Details = {}): AuditEvent => ({
    action,
    target: { type, id: target.id },
    details: { ...naming(target), ...details },
  });
  const write = (
    executor: Executor,
    actor: AuditActor,
    action: string,
    target: Named & { id: string },
    details: Details = {},
  ) => recordAudit(executor, actor, event(action, target, details));
  return Object.assign(write, { event });
}
