import 'server-only';
import { sql } from 'drizzle-orm';
import { isAdmin, type Actor } from '../actor';
import type { Executor } from '../db/client';
import { queryRows } from '../db/rows';
import { AppError } from '../errors';
import { auditActionAreas, describeAction, personName } from './describe-audit';

export type AuditActionGroup = { label: string; any: string; actions: { value: string; label: string }[] };
export type AuditPersonOption = { value: string; label: string };

// Both lists come from the log itself by a "loose index scan": one index probe per distinct value
// (a few dozen actions, at most a few hundred people), never a read of the whole table.

async function actionsInTheLog(executor: Executor): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    executor,
    sql`with recursive found(action) as (
          (select action from audit_log order by action limit 1)
          union all
          select (select a.action from audit_log a where a.action > found.action order by a.action limit 1)
          from found where found.action is not null
        )
        select action from found where action is not null`,
  );
  return rows.map((row) => row.action);
}

async function peopleInTheLog(executor: Executor): Promise<AuditPersonOption[]> {
  const rows = await queryRows<{ id: string; display_name: string; username: string }>(
    executor,
    sql`with recursive found(actor_id) as (
          (select actor_id from audit_log where actor_id is not null order by actor_id limit 1)
          union all
          select (select a.actor_id from audit_log a where a.actor_id > found.actor_id order by a.actor_id limit 1)
          from found where found.actor_id is not null
        )
        select u.id, u.display_name, u.username from found join users u on u.id = found.actor_id
        order by lower(u.display_name), lower(u.username)`,
  );
  return rows.map((row) => ({
    value: row.id,
    label: personName({ displayName: row.display_name, username: row.username }),
  }));
}

/** The actions (in words, grouped by area) and the people that appear in the audit log, for its filters. */
export async function auditFilterOptions(
  executor: Executor,
  actor: Actor,
): Promise<{ actionGroups: AuditActionGroup[]; people: AuditPersonOption[] }> {
  if (!isAdmin(actor)) throw new AppError('not_found', 'Not found.');
  const [actions, people] = await Promise.all([actionsInTheLog(executor), peopleInTheLog(executor)]);
  const groups = new Map<string, AuditActionGroup>();
  for (const action of actions) {
    const area = action.includes('.') ? action.slice(0, action.indexOf('.')) : action;
    const label = auditActionAreas[area] ?? describeAction(area);
    const group = groups.get(area) ?? { label, any: `${area}.`, actions: [] };
    group.actions.push({ value: action, label: describeAction(action) });
    groups.set(area, group);
  }
  const actionGroups = [...groups.values()].sort((a, b) => a.label.localeCompare(b.label, 'en'));
  for (const group of actionGroups) group.actions.sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return { actionGroups, people };
}
