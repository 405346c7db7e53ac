'use client';

import { FilterBar } from '@/app/components/filter-bar';
import { FilterActions, FilterInput, FilterSelect } from '@/app/components/filter-fields';
import type { AuditActionGroup, AuditPersonOption } from '@/lib/audit/filter-options';
import { auditKinds } from '@/lib/audit/describe-audit';

type Values = Partial<Record<'action' | 'person' | 'kind' | 'q' | 'from' | 'to', string>>;

type Props = {
  actionGroups: AuditActionGroup[];
  people: AuditPersonOption[];
  /** What each field shows: the value read, or the one given when it could not be read. */
  values: Values;
  /** Why a value in the address was not used, by field. */
  problems: Values;
  filtered: boolean;
};

/** The actions that appear in the log, in words, each area with an "any" choice first. */
function ActionSelect({ groups, value }: { groups: AuditActionGroup[]; value?: string }) {
  return (
    <div className="field">
      <label htmlFor="filter-action">Action</label>
      <select id="filter-action" name="action" defaultValue={value ?? ''}>
        <option value="">Any action</option>
        {groups.map((group) => (
          <optgroup key={group.any} label={group.label}>
            <option value={group.any}>Any of {group.label.toLowerCase()}</option>
            {group.actions.map((action) => (
              <option key={action.value} value={action.value}>
                {action.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function AuditFilters({ actionGroups, people, values, problems, filtered }: Props) {
  return (
    <>
      <FilterBar id="audit-filters">
        <form className="filters" role="search" aria-label="Filter the audit log">
          <ActionSelect groups={actionGroups} value={values.action} />
          <FilterSelect name="person" label="Person" value={values.person} options={people} anyLabel="Anyone" />
          <FilterSelect name="kind" label="About" value={values.kind} options={auditKinds} anyLabel="Anything" />
          <FilterInput
            name="q"
            label="Reference or name"
            type="search"
            placeholder="T-1001, A-00042"
            value={values.q}
            error={problems.q}
          />
          <FilterInput name="from" label="From" type="date" value={values.from} error={problems.from} />
          <FilterInput name="to" label="To" type="date" value={values.to} error={problems.to} />
          <FilterActions clearHref="/admin/audit" filtered={filtered} />
        </form>
        <p className="muted">Dates are whole days in UTC, both included.</p>
      </FilterBar>
    </>
  );
}
