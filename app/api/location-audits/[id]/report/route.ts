import { z } from 'zod';
import { staffRoles } from '@/lib/actor';
import { otherMethods, route } from '@/lib/boundary/route';
import { csvResponse } from '@/lib/http/csv-response';
import { auditReportHeader, auditReportRows, findLocationAudit } from '@/lib/location-audits/audits';

/** An audit of a place as CSV: each asset found, missing or unexpected, and tags of no asset. */
export const GET = route(
  { params: z.object({ id: z.string() }), roles: staffRoles, note: 'Answers CSV (text/csv).' },
  async ({ actor, params, db }) => {
    const audit = await findLocationAudit(db, actor, params.id);
    return csvResponse(`audit-${audit.at.toISOString().slice(0, 10)}.csv`, auditReportHeader, auditReportRows(audit));
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
