import type { Metadata } from 'next';
import { Link } from '@/app/components/link';
import { requireRole } from '@/lib/auth/dal';
import { LicenseForm } from '../license-form';

export const metadata: Metadata = { title: 'New license' };

export default async function NewLicensePage() {
  await requireRole('agent', 'admin');
  return (
    <>
      <p>
        <Link href="/licenses">← Licenses</Link>
      </p>
      <h1>New license</h1>
      <section className="panel" aria-label="License details">
        <LicenseForm />
      </section>
    </>
  );
}
