import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Link } from '@/app/components/link';
import { isMailEnabled } from '@/lib/mail/outgoing/transport';
import { ForgotPasswordForm } from './forgot-password-form';

export const metadata: Metadata = { title: 'Forgot password' };

// Only with mail on: the link is the only way a forgotten password comes back without an admin.
export default function ForgotPasswordPage() {
  if (!isMailEnabled()) notFound();
  return (
    <section className="panel auth-card" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Forgot password</h1>
      <p className="lead">Name your account and we mail a link to set a new password.</p>
      <ForgotPasswordForm />
      <p>
        <Link href="/login">Back to sign in</Link>
      </p>
    </section>
  );
}
