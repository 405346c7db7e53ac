import type { Metadata } from 'next';
import { BackLink } from '@/app/components/link';
import { staffRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { LicenseForm } from '../license-form';

export const metadata: Metadata = { title: 'New license' };

export default async function NewLicensePage() {
  await pageActor(staffRoles);
  return (
    <>
      <BackLink href="/licenses">Licenses</BackLink>
      <h1>New license</h1>
      <section className="panel" aria-label="License details">
        <LicenseForm />
      </section>
    </>
  );
}
