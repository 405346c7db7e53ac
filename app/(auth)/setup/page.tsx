import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { isSetupNeeded } from '@/lib/users/setup';
import { SetupForm } from './setup-form';

export const metadata: Metadata = { title: 'First-run setup' };

export default async function SetupPage() {
  if (!(await isSetupNeeded())) redirect('/login');
  return (
    <section className="panel auth-card" aria-labelledby="setup-title">
      <h1 id="setup-title">Welcome to IT Assets Manager</h1>
      <p className="lead">Create the first administrator account. This page closes for good once it exists.</p>
      <SetupForm />
    </section>
  );
}
