import type { Metadata } from 'next';
import { BackLink } from '@/app/components/link';
import { PageHeader } from '@/app/components/page-header';
import { staffRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { ContinuousCheckOut } from './continuous-check-out';

export const metadata: Metadata = { title: 'Continuous check-out' };

export default async function ContinuousCheckOutPage() {
  await pageActor(staffRoles);
  return (
    <>
      <BackLink href="/scan">Scan</BackLink>
      <PageHeader title="Continuous check-out">
        <p className="muted">
          Choose the person, scan each item, then check them all out at once. Items already checked out, in repair,
          retired or lost are flagged and left out.
        </p>
      </PageHeader>
      <ContinuousCheckOut />
    </>
  );
}
