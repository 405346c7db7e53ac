'use client';

import { FilterActions, FilterInput, FilterSelect } from '@/app/components/filter-fields';
import { ListSortFields } from '@/app/components/list-sort-fields';
import styles from './tickets.module.css';
import type { Person } from '@/lib/tickets/queries';
import { allStatuses, priorityLabels, statusLabels, ticketCategoryChoices, ticketStatuses } from '@/lib/tickets/rules';
import type { TicketFilters } from '@/lib/tickets/schemas';
import { slaFilterLabels } from '@/lib/sla/filters';

type Props = {
  filters: TicketFilters;
  assignees: Person[] | null;
  /** The listed ticket categories, suggested by the category filter. */
  categories: string[];
  requesterName: string | null;
  /** Staff only: the list shows every status (status=all), whatever else is ticked. */
  anyStatus: boolean | null;
};

const sortLabels: Record<TicketFilters['sort'], string> = {
  updated: 'Last updated',
  created: 'Created',
  priority: 'Priority (urgent first)',
  number: 'Number',
  status: 'Status (new first)',
  due: 'SLA due (soonest first)',
};

/** A plain GET form, so every filtered list is a shareable URL and works without JavaScript. */
export function TicketFilterForm({ filters, assignees, categories, requesterName, anyStatus }: Props) {
  return (
    <form method="get" action="" className="filters" role="search" aria-label="Filter tickets">
      <input type="hidden" name="view" value={filters.view} />
      <FilterInput name="q" label="Search" type="search" value={filters.q} placeholder="Words or T-1042" />
      <fieldset className={styles.statusFieldset}>
        <legend>Status</legend>
        {ticketStatuses.map((status) => (
          <label key={status} className="checkbox">
            <input
              type="checkbox"
              name="status"
              value={status}
              defaultChecked={!anyStatus && (filters.status?.includes(status) ?? false)}
            />{' '}
            {statusLabels[status]}
          </label>
        ))}
        {anyStatus === null ? null : (
          <label className="checkbox">
            <input type="checkbox" name="status" value={allStatuses} defaultChecked={anyStatus} /> Any status
          </label>
        )}
      </fieldset>
      <FilterSelect
        name="priority"
        label="Priority"
        anyLabel="Any"
        value={filters.priority?.length === 1 ? filters.priority[0] : ''}
        options={priorityLabels}
      />
      {assignees ? (
        <FilterSelect
          name="assignee"
          label="Assignee"
          anyLabel="Anyone"
          value={filters.assignee}
          options={[
            { value: 'none', label: 'Unassigned' },
            ...assignees.map((person) => ({ value: person.id, label: person.displayName })),
          ]}
        />
      ) : null}
      {filters.requester ? (
        <div className="checkbox">
          <input id="filter-requester" type="checkbox" name="requester" value={filters.requester} defaultChecked />
          <label htmlFor="filter-requester">Opened by {requesterName ?? 'the chosen requester'}</label>
        </div>
      ) : null}
      {assignees ? (
        <FilterSelect name="sla" label="SLA" anyLabel="Any" value={filters.sla} options={slaFilterLabels} />
      ) : null}
      <FilterInput
        name="category"
        label="Category"
        value={filters.category}
        list="filter-category-suggestions"
        autoComplete="off"
      />
      <datalist id="filter-category-suggestions">
        {ticketCategoryChoices(categories).map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
      <ListSortFields labels={sortLabels} sort={filters.sort} dir={filters.dir} />
      <FilterActions clearHref={`/tickets?view=${filters.view}`} />
    </form>
  );
}
