import { Link } from '@/app/components/link';
import { requireUser } from '@/lib/auth/dal';
import { logoutAction } from './actions';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { user } = await requireUser();
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
          <Link href="/assets">{user.role === 'requester' ? 'My assets' : 'Assets'}</Link>
          {user.role !== 'requester' ? <Link href="/licenses">Licenses</Link> : null}
          {user.role === 'admin' ? <Link href="/admin/users">Users</Link> : null}
          {user.role === 'admin' ? <Link href="/admin/audit">Audit log</Link> : null}
          {user.role === 'admin' ? <Link href="/admin/diagnostics">Diagnostics</Link> : null}
          <Link href="/sessions">Your sessions</Link>
          <Link href="/account">Account</Link>
        </nav>
        <div className="whoami">
          <span>
            {user.displayName} <span className="role-badge">{user.role}</span>
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
