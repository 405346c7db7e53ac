import { TimeZoneCookie } from '@/app/components/time-zone-cookie';
import { Link } from '@/app/components/link';
import { resolveViewerTimeZone } from '@/lib/boundary/viewer-time-zone';
import { isAdmin, isStaff } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getConfig } from '@/lib/config';
import { logoutAction } from './actions';
import { MainNav, type NavItem } from './_components/main-nav';
import { SavedViewsNav } from './_components/saved-views-nav';
import { getDb } from '@/lib/db/client';
import { listSavedViewsWithCounts } from '@/lib/saved-views/views';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [actor, timeZone] = await Promise.all([
    pageActor(undefined, { duringSecondFactorSetup: true }),
    resolveViewerTimeZone(),
  ]);
  // Only the viewer's own and shared views are counted, each by its list's count query.
  const savedViews = await listSavedViewsWithCounts(await getDb(), actor);
  const items: (NavItem | false)[] = [
    { href: '/', label: 'Dashboard' },
    { href: '/tickets', label: 'Tickets' },
    { href: '/assets', label: isStaff(actor) ? 'Assets' : 'My assets' },
    { href: '/kb', label: 'Knowledge base' },
    isStaff(actor) && { href: '/scan', label: 'Scan' },
    isStaff(actor) && { href: '/licenses', label: 'Licenses' },
    isStaff(actor) && { href: '/locations', label: 'Locations' },
    isStaff(actor) && { href: '/canned-replies', label: 'Canned replies' },
    isAdmin(actor) && { href: '/admin/users', label: 'Users' },
    isAdmin(actor) && { href: '/admin/lists', label: 'Lists' },
    isAdmin(actor) && { href: '/admin/fields', label: 'Custom fields' },
    isAdmin(actor) && { href: '/admin/sla', label: 'SLA' },
    isAdmin(actor) && { href: '/admin/audit', label: 'Audit log' },
    isAdmin(actor) && { href: '/admin/diagnostics', label: 'Diagnostics' },
    isAdmin(actor) && { href: '/admin/jobs', label: 'Jobs' },
    isAdmin(actor) && { href: '/admin/tokens', label: 'API tokens' },
    { href: '/sessions', label: 'Your sessions' },
    { href: '/account', label: 'Account' },
  ];
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          IT Assets Manager
        </Link>
        <MainNav items={items.filter((item) => item !== false)} />
        <div className="whoami">
          <span>
            {actor.displayName} <span className="role-badge">{actor.role}</span>
          </span>
          <form action={logoutAction}>
            <button type="submit" className="secondary">
              Log out
            </button>
          </form>
        </div>
      </header>
      <SavedViewsNav views={savedViews} />
      <main id="content">{children}</main>
      <TimeZoneCookie
        shownZone={timeZone.zone}
        followsBrowser={timeZone.chosen === null}
        path={getConfig().basePath || '/'}
      />
    </>
  );
}
