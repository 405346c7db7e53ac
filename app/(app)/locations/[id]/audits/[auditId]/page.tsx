import type { Metadata } from 'next';
import { byId, DataTable, type Column } from '@/app/components/data-table';
import { BackLink } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import { Time } from '@/app/components/time';
import { staffRoles } from '@/lib/actor';
import { foundOrNotFound, pageActor } from '@/lib/boundary/page';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import type { LocationAuditEntry } from '@/lib/db/schema-places';
import { findLocationAudit } from '@/lib/location-audits/audits';

export const metadata: Metadata = { title: 'Audit report' };

const columns: Column<LocationAuditEntry & { id: string }>[] = [
  { key: 'tag', header: 'Asset tag', rowHeader: true, cell: (entry) => entry.assetTag },
  { key: 'name', header: 'Name', cell: (entry) => entry.name },
  { key: 'recorded', header: 'Recorded at', priority: 'secondary', cell: (entry) => entry.recordedLocation ?? '—' },
];

const results = [
  ['found', 'Found'],
  ['missing', 'Missing'],
  ['unexpected', 'Unexpected'],
] as const;

export default async function AuditReportPage({ params }: { params: Promise<{ id: string; auditId: string }> }) {
  const actor = await pageActor(staffRoles);
  const { id, auditId } = await params;
  const audit = await foundOrNotFound(findLocationAudit(await getDb(), actor, auditId));
  const { basePath } = getConfig();
  return (
    <>
      <BackLink href={`/locations/${id}`}>{audit.locationPath}</BackLink>
      <h1>Audit of {audit.locationPath}</h1>
      <p>
        <Time value={audit.at} /> by {audit.auditorName}.{' '}
        <a href={`${basePath}/api/location-audits/${audit.id}/report`} download>
          Download the report (CSV)
        </a>
      </p>
      {results.map(([result, title]) => {
        const rows = audit.entries
          .filter((entry) => entry.result === result)
          .map((entry) => ({ ...entry, id: entry.assetId }));
        return (
          <Panel key={result} id={result} title={`${title} (${rows.length})`}>
            <DataTable columns={columns} rows={rows} rowKey={byId} caption={title} hideCaption empty="None." />
          </Panel>
        );
      })}
      {audit.unknownTags.length > 0 ? (
        <Panel id="unknown" title={`Not an asset tag (${audit.unknownTags.length})`}>
          <p>{audit.unknownTags.join(', ')}</p>
        </Panel>
      ) : null}
    </>
  );
}
