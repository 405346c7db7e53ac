import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/app/components/link';
import { PageHeader } from '@/app/components/page-header';
import { Panel } from '@/app/components/panel';
import { staffRoles } from '@/lib/actor';
import { bulkActionsFor, findBulkAction } from '@/lib/bulk/actions';
import { bulkTargets, type BulkTarget } from '@/lib/bulk/action';
import { selectedIds } from '@/lib/bulk/targets';
import { pageActor } from '@/lib/boundary/page';
import { getConfig } from '@/lib/config';
import { listAllCustomFields } from '@/lib/custom-fields/definitions';
import { getDb } from '@/lib/db/client';
import { listLocationChoices } from '@/lib/locations/queries';
import { listAssignableUsers } from '@/lib/tickets/queries';
import type { SearchParams } from '../../_components/list-query';
import { scopeWords, selectionOf, type BulkScope } from '../selection';
import { BulkChangeForm } from './bulk-change-form';

export const metadata: Metadata = { title: 'Bulk change' };

const words: Record<BulkTarget, { noun: string; list: string }> = {
  asset: { noun: 'assets', list: '/assets' },
  ticket: { noun: 'tickets', list: '/tickets' },
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? '';
const all = (value: string | string[] | undefined) => (value === undefined ? [] : [value].flat());

export default async function NewBulkChangePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor(staffRoles);
  const query = await searchParams;
  const target = first(query.target) as BulkTarget;
  if (!bulkTargets.includes(target)) notFound();
  const scope: BulkScope = first(query.scope) === 'all' ? 'all' : 'selected';
  const filters = first(query.filters);
  const ids = all(query.id);
  const actions = bulkActionsFor(target);
  const action = findBulkAction(first(query.action));
  const chosen = action && action.target === target ? action : actions[0];
  const { noun, list } = words[target];
  const listHref = `${list}${filters ? `?${filters}` : ''}`;

  const db = await getDb();
  const count = (await selectedIds(db, actor, selectionOf(target, scope, ids, filters))).length;
  const agents = chosen.fields.some((field) => field.kind === 'agent')
    ? (await listAssignableUsers(db)).map((user) => ({ value: user.id, label: user.displayName }))
    : [];
  const places = chosen.fields.some((field) => field.kind === 'location')
    ? (await listLocationChoices(db)).map((place) => ({ value: place.id, label: place.path }))
    : [];
  const customFields = chosen.fields.some((field) => field.kind === 'customField')
    ? (await listAllCustomFields(db)).map(({ categoryId: _categoryId, ...field }) => field)
    : [];

  return (
    <>
      <BackLink href={listHref}>Back to the list</BackLink>
      <PageHeader title={`Change ${noun}: ${chosen.label.toLowerCase()}`} />
      <Panel id="bulk-new" title={`For ${scopeWords(noun, scope, count, filters)}`}>
        {count === 0 ? (
          <p className="empty">
            {scope === 'selected' ? `Tick the ${noun} to change in the list first.` : `No ${noun} match these filters.`}
          </p>
        ) : (
          <>
            <form method="get" action={`${getConfig().basePath}/bulk/new`} className="inline-form">
              <input type="hidden" name="target" value={target} />
              <input type="hidden" name="scope" value={scope} />
              <input type="hidden" name="filters" value={filters} />
              {ids.map((id) => (
                <input key={id} type="hidden" name="id" value={id} />
              ))}
              <label htmlFor="bulk-action">Change</label>
              <select id="bulk-action" name="action" defaultValue={chosen.kind}>
                {actions.map((item) => (
                  <option key={item.kind} value={item.kind}>
                    {item.label}
                  </option>
                ))}
              </select>
              <button type="submit" className="secondary">
                Choose
              </button>
            </form>
            <p>The preview lists what will change and what cannot, and why. Nothing changes until you apply it.</p>
            <BulkChangeForm
              key={chosen.kind}
              fields={chosen.fields}
              agents={agents}
              places={places}
              customFields={customFields}
              hidden={{ target, action: chosen.kind, scope, ids: ids.join(','), filters }}
            />
          </>
        )}
      </Panel>
    </>
  );
}
