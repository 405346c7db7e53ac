import { Link } from '@/app/components/link';
import { isAdmin, isStaff } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { logoutAction } from './actions';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await pageActor();
  return (
    <>
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          IT Assets Manager
        </Link>
        <nav aria-label="Main">
          <Link href="/">Dashboard</Link>
          <Link href="/tickets">Tickets</Link>
          <Link href="/assets">{isStaff(actor) ? 'Assets' : 'My assets'}</Link>
          {isStaff(actor) ? <Link href="/licenses">Licenses</Link> : null}
          {isAdmin(actor) ? <Link href="/admin/users">Users</Link> : null}
          {isAdmin(actor) ? <Link href="/admin/audit">Audit log</Link> : null}
          {isAdmin(actor) ? <Link href="/admin/diagnostics">Diagnostics</Link> : null}
          {isAdmin(actor) ? <Link href="/admin/jobs">Jobs</Link> : null}
          <Link href="/sessions">Your sessions</Link>
          <Link href="/account">Account</Link>
        </nav>
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
      <main id="content">{children}</main>
    </>
  );
}
