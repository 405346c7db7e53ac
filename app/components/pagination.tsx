import { Link } from '@/app/components/link';
import { formatCount } from '@/lib/format-count';

type Props = { page: number; pageSize: number; total: number; params: Record<string, string>; path: string };

/** Previous/next links that keep every other filter of the current list. */
export function Pagination({ page, pageSize, total, params, path }: Props) {
  // An empty list says so itself (the table's empty message); "0–0 of 0" would add nothing.
  if (total === 0) return null;
  const pages = Math.ceil(total / pageSize);
  const href = (target: number) => {
    const query = new URLSearchParams({ ...params, page: String(target) });
    return `${path}?${query.toString()}`;
  };
  if (page > pages) {
    // An old bookmark or a list that shrank since: say where the list ends instead of "26–25 of 25".
    return (
      <nav className="pagination" aria-label="Pages">
        <span>
          Page {formatCount(page)} is past the end of this list ({formatCount(total)} in all).
        </span>
        <Link href={href(pages)}>Go to the last page ({formatCount(pages)})</Link>
      </nav>
    );
  }
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav className="pagination" aria-label="Pages">
      <span>
        {first}–{last} of {formatCount(total)}
      </span>
      {page > 1 ? <Link href={href(page - 1)}>← Previous</Link> : <span aria-disabled="true">← Previous</span>}
      <span>
        Page {page} of {formatCount(pages)}
      </span>
      {page < pages ? <Link href={href(page + 1)}>Next →</Link> : <span aria-disabled="true">Next →</span>}
    </nav>
  );
}
