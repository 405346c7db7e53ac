import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Link } from '@/app/components/link';
import { signedInSession } from '@/lib/boundary/request';
import { hasPendingSignIn } from '@/lib/boundary/sign-in';
import { getConfig } from '@/lib/config';
import { safeNextPath } from '@/lib/http/safe-next';
import { CodeForm } from './code-form';

export const metadata: Metadata = { title: 'Sign-in code' };

/** The second step of signing in: only a browser whose password was just right has anything to do here. */
export default async function SignInCodePage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { next } = await searchParams;
  const nextPath = safeNextPath(Array.isArray(next) ? next[0] : next, getConfig().basePath);
  if (await signedInSession()) redirect(nextPath);
  const pending = await hasPendingSignIn();
  return (
    <section className="panel auth-card" aria-labelledby="code-title">
      <h1 id="code-title">Two-factor sign-in</h1>
      {pending ? (
        <>
          <p className="lead">Enter the code your authenticator app shows for IT Assets Manager.</p>
          <CodeForm next={nextPath} />
        </>
      ) : (
        <p className="notice error" role="status">
          Your sign-in took too long or was interrupted. Sign in again.
        </p>
      )}
      <p>
        <Link href={`/login?next=${encodeURIComponent(nextPath)}`}>Back to sign in</Link>
      </p>
    </section>
  );
}
