import { Link } from '@/app/components/link';

export default function NotFound() {
  return (
    <main className="auth-shell">
      <section className="panel auth-card">
        <h1>Not found</h1>
        <p>This page does not exist, or you do not have access to it.</p>
        <Link href="/">Back to the dashboard</Link>
      </section>
    </main>
  );
}
