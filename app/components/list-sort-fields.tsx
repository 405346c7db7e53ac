import { FilterSelect } from './filter-fields';

type Props<Sort extends string> = { labels: Record<Sort, string>; sort: Sort; dir: 'asc' | 'desc' };

const directions = { desc: 'Descending', asc: 'Ascending' };

/** The "Sort by" and "Order" fields every list's filter form ends with. */
export function ListSortFields<Sort extends string>({ labels, sort, dir }: Props<Sort>) {
  return (
    <>
      <FilterSelect name="sort" label="Sort by" value={sort} options={labels} />
      <FilterSelect name="dir" label="Order" value={dir} options={directions} />
    </>
  );
}
