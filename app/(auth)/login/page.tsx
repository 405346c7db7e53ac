import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { signedInSession } from '@/lib/boundary/request';
import { Link } from '@/app/components/link';
import { getConfig } from '@/lib/config';
import { safeNextPath } from '@/lib/http/safe-next';
import { isMailEnabled } from '@/lib/mail/outgoing/transport';
import { isSetupNeeded } from '@/lib/users/setup';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (await isSetupNeeded()) redirect('/setup');
  const { next } = await searchParams;
  const nextPath = safeNextPath(Array.isArray(next) ? next[0] : next, getConfig().basePath);
  if (await signedInSession()) redirect(nextPath);
  return (
    <section className="panel auth-card" aria-labelledby="login-title">
      <h1 id="login-title">Sign in</h1>
      <p className="lead">IT Assets Manager</p>
      <LoginForm next={nextPath} />
      {isMailEnabled() ? (
        <p>
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
      ) : null}
    </section>
  );
}
