import type { Metadata } from 'next';
import { PageHeader } from '@/app/components/page-header';
import { todayIsoDate } from '@/lib/format';
import { staffRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { ScanDesk } from './scan-desk';

export const metadata: Metadata = { title: 'Scan' };

export default async function ScanPage() {
  await pageActor(staffRoles);
  return (
    <>
      <PageHeader title="Scan" primary={{ label: 'Continuous check-out', href: '/scan/checkout' }}>
        <p className="muted">
          Point the camera at an asset label, or type a tag or serial number (a handheld scanner types it for you).
        </p>
      </PageHeader>
      <ScanDesk today={todayIsoDate()} />
    </>
  );
}
