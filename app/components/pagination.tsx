import { Link } from '@/app/components/link';
import { formatCount, formatTotal } from '@/lib/format-count';
import type { Page } from '@/lib/list-params';

type Props = {
  /** Which page this is of how many rows; with `approximate`, the line says "about". */
  list: Pick<Page<unknown>, 'page' | 'pageSize' | 'total' | 'approximate'>;
  params: Record<string, string>;
  path: string;
};

/** Previous/next links that keep every other filter of the current list. */
export function Pagination({ list, params, path }: Props) {
  const { page, pageSize, total, approximate = false } = list;
  // An empty list says so itself (the table's empty message); "0–0 of 0" would add nothing.
  if (total === 0) return null;
  const pages = Math.ceil(total / pageSize);
  const about = approximate ? 'about ' : '';
  const href = (target: number) => {
    const query = new URLSearchParams({ ...params, page: String(target) });
    return `${path}?${query.toString()}`;
  };
  if (page > pages) {
    // An old bookmark or a list that shrank since: say where the list ends instead of "26–25 of 25".
    return (
      <nav className="pagination" aria-label="Pages">
        <span>
          Page {formatCount(page)} is past the end of this list ({formatTotal(total, approximate)} in all).
        </span>
        <Link href={href(pages)}>
          Go to the last page ({about}
          {formatCount(pages)})
        </Link>
      </nav>
    );
  }
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return (
    <nav className="pagination" aria-label="Pages">
      <span>
        {first}–{last} of {formatTotal(total, approximate)}
      </span>
      {page > 1 ? <Link href={href(page - 1)}>← Previous</Link> : <span aria-disabled="true">← Previous</span>}
      <span>
        Page {page} of {about}
        {formatCount(pages)}
      </span>
      {page < pages ? <Link href={href(page + 1)}>Next →</Link> : <span aria-disabled="true">Next →</span>}
    </nav>
  );
}
