// The ticket list's SLA filters: pure data, shared by the list schemas and the filter form.

export const slaFilters = ['due_soon', 'breached'] as const;
export type SlaFilter = (typeof slaFilters)[number];

/** "Due soon": the next target falls within this many hours (and is not yet breached). */
export const dueSoonHours = 4;

export const slaFilterLabels: Record<SlaFilter, string> = {
  due_soon: `SLA due within ${dueSoonHours} hours`,
  breached: 'SLA breached',
};
