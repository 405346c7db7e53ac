import type { ReactNode } from 'react';
import { Link } from './link';

/** A link of the page's "More actions" menu; `download` for a file such as a CSV export. */
export type SecondaryAction = { label: string; href: string; download?: boolean };

type Props = {
  title: ReactNode;
  /** The page's main action, a button at the top right (New ticket, New asset…). */
  primary?: { label: string; href: string };
  /** Everything else (Import, Export CSV…), in one "More actions" menu beside it. */
  more?: readonly SecondaryAction[];
  /** A line under the title, e.g. what the page is for. */
  children?: ReactNode;
};

/**
 * The header every list page starts with. The menu is a <details> disclosure: it opens with the
 * keyboard and without JavaScript, and its summary is announced as an expandable button.
 */
export function PageHeader({ title, primary, more = [], children }: Props) {
  return (
    <div className="page-header">
      <h1>{title}</h1>
      {primary || more.length > 0 ? (
        <div className="page-actions">
          {more.length > 0 ? (
            <details className="more-actions">
              <summary>More actions</summary>
              <ul>
                {more.map((action) =>
                  action.download ? (
                    // A file, fetched by the browser: next/link would try to render it as a page.
                    <li key={action.href}>
                      <a href={action.href} download>
                        {action.label}
                      </a>
                    </li>
                  ) : (
                    <li key={action.href}>
                      <Link href={action.href}>{action.label}</Link>
                    </li>
                  ),
                )}
              </ul>
            </details>
          ) : null}
          {primary ? (
            <Link className="button" href={primary.href}>
              {primary.label}
            </Link>
          ) : null}
        </div>
      ) : null}
      {children ? <div className="page-intro">{children}</div> : null}
    </div>
  );
}
