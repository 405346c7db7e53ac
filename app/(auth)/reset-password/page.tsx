import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Link } from '@/app/components/link';
import { resetLinkProblems } from '@/lib/auth/password-reset';
import { isMailEnabled } from '@/lib/mail/outgoing/transport';
import { ResetPasswordForm } from './reset-password-form';

// The token is in this page's address: no Referer may carry it to another site.
export const metadata: Metadata = { title: 'Set a new password', referrer: 'no-referrer' };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  if (!isMailEnabled()) notFound();
  const { token } = await searchParams;
  const value = Array.isArray(token) ? token[0] : token;
  return (
    <section className="panel auth-card" aria-labelledby="reset-title">
      <h1 id="reset-title">Set a new password</h1>
      {value ? <ResetPasswordForm token={value} /> : <p role="alert">{resetLinkProblems.unknown}</p>}
      <p>
        <Link href="/login">Sign in</Link> · <Link href="/forgot-password">Ask for a new link</Link>
      </p>
    </section>
  );
}
