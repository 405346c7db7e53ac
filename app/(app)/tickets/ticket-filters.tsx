import { Link } from '@/app/components/link';
import { ListSortFields } from '@/app/components/list-sort-fields';
import styles from './tickets.module.css';
import type { Person } from '@/lib/tickets/queries';
import {
  categorySuggestions,
  priorityLabels,
  statusLabels,
  ticketPriorities,
  ticketStatuses,
} from '@/lib/tickets/rules';
import type { TicketFilters } from '@/lib/tickets/schemas';

type Props = { filters: TicketFilters; assignees: Person[] | null; requesterName: string | null };

const sortLabels: Record<TicketFilters['sort'], string> = {
  updated: 'Last updated',
  created: 'Created',
  priority: 'Priority (urgent first)',
  number: 'Number',
  status: 'Status (new first)',
};

/** A plain GET form, so every filtered list is a shareable URL and works without JavaScript. */
export function TicketFilterForm({ filters, assignees, requesterName }: Props) {
  return (
    <form method="get" action="" className="filters" role="search" aria-label="Filter tickets">
      <input type="hidden" name="view" value={filters.view} />
      <div className="field">
        <label htmlFor="filter-q">Search</label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ''} placeholder="Words or T-1042" />
      </div>
      <fieldset className={styles.statusFieldset}>
        <legend>Status</legend>
        {ticketStatuses.map((status) => (
          <label key={status} className="checkbox">
            <input
              type="checkbox"
              name="status"
              value={status}
              defaultChecked={filters.status?.includes(status) ?? false}
            />{' '}
            {statusLabels[status]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="filter-priority">Priority</label>
        <select
          id="filter-priority"
          name="priority"
          defaultValue={filters.priority?.length === 1 ? filters.priority[0] : ''}
        >
          <option value="">Any</option>
          {ticketPriorities.map((priority) => (
            <option key={priority} value={priority}>
              {priorityLabels[priority]}
            </option>
          ))}
        </select>
      </div>
      {assignees ? (
        <div className="field">
          <label htmlFor="filter-assignee">Assignee</label>
          <select id="filter-assignee" name="assignee" defaultValue={filters.assignee ?? ''}>
            <option value="">Anyone</option>
            <option value="none">Unassigned</option>
            {assignees.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {filters.requester ? (
        <div className="checkbox">
          <input id="filter-requester" type="checkbox" name="requester" value={filters.requester} defaultChecked />
          <label htmlFor="filter-requester">Opened by {requesterName ?? 'the chosen requester'}</label>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="filter-category">Category</label>
        <input
          id="filter-category"
          name="category"
          list="filter-category-suggestions"
          defaultValue={filters.category ?? ''}
          autoComplete="off"
        />
        <datalist id="filter-category-suggestions">
          {['General', ...categorySuggestions].map((category) => (
            <option key={category} value={category} />
          ))}
        </datalist>
      </div>
      <ListSortFields labels={sortLabels} sort={filters.sort} dir={filters.dir} />
      <button type="submit">Apply filters</button>
      <Link href={`/tickets?view=${filters.view}`}>Reset</Link>
    </form>
  );
}
