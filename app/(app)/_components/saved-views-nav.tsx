import { Link } from '@/app/components/link';
import type { SavedViewWithCount } from '@/lib/saved-views/views';
import { formatCount } from '@/lib/format-count';

/** The viewer's saved views with their counts, under the main menu; nothing without views. */
export function SavedViewsNav({ views }: { views: SavedViewWithCount[] }) {
  if (views.length === 0) return null;
  return (
    <nav aria-label="Saved views" className="saved-views-nav">
      <ul>
        {views.map((view) => (
          <li key={view.id}>
            <Link href={view.href}>
              {view.name}{' '}
              <span className="count">
                {formatCount(view.count)}
                <span className="skip-link"> {view.count === 1 ? 'row' : 'rows'}</span>
              </span>
            </Link>
          </li>
        ))}
        <li>
          <Link href="/saved-views">Manage views</Link>
        </li>
      </ul>
    </nav>
  );
}
