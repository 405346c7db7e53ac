type Props<Sort extends string> = { labels: Record<Sort, string>; sort: Sort; dir: 'asc' | 'desc' };

/** The "Sort by" and "Order" fields every list's filter form ends with. */
export function ListSortFields<Sort extends string>({ labels, sort, dir }: Props<Sort>) {
  return (
    <>
      <div className="field">
        <label htmlFor="filter-sort">Sort by</label>
        <select id="filter-sort" name="sort" defaultValue={sort}>
          {(Object.entries(labels) as [Sort, string][]).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-dir">Order</label>
        <select id="filter-dir" name="dir" defaultValue={dir}>
          <option value="desc">Descending</option>
          <option value="asc">Ascending</option>
        </select>
      </div>
    </>
  );
}
