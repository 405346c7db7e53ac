import Link from 'next/link';

type Props = { page: number; pageSize: number; total: number; params: Record<string, string>; path: string };

/** Previous/next links that keep every other filter of the current list. */
export function Pagination({ page, pageSize, total, params, path }: Props) {
  const pages = Math.max(Math.ceil(total / pageSize), 1);
  const href = (target: number) => {
    const query = new URLSearchParams({ ...params, page: String(target) });
    return `${path}?${query.toString()}`;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav className="pagination" aria-label="Pages">
      <span>
        {first}–{last} of {total.toLocaleString('en')}
      </span>
      {page > 1 ? <Link href={href(page - 1)}>← Previous</Link> : <span aria-disabled="true">← Previous</span>}
      <span>
        Page {page} of {pages.toLocaleString('en')}
      </span>
      {page < pages ? <Link href={href(page + 1)}>Next →</Link> : <span aria-disabled="true">Next →</span>}
    </nav>
  );
}
