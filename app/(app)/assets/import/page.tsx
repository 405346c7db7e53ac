import type { Metadata } from 'next';
import { BackLink } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import { importColumns, maxImportBytes, maxImportRows } from '@/lib/assets/csv-import-rows';
import { staffRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getConfig } from '@/lib/config';
import { formatCount } from '@/lib/format-count';
import { AssetImport } from './asset-import';

export const metadata: Metadata = { title: 'Import assets' };

export default async function ImportAssetsPage() {
  await pageActor(staffRoles);
  return (
    <>
      <BackLink href="/assets">Assets</BackLink>
      <h1>Import assets from CSV</h1>
      <Panel id="format" title="File format">
        <p>
          One asset per row, with a header row naming the columns: <code>{importColumns.join(', ')}</code>. Only{' '}
          <code>asset_tag</code> and <code>name</code> are required; headers such as &ldquo;Asset Tag&rdquo; work too. A
          row whose asset tag already exists updates that asset (blank cells keep its values); any other row creates
          one. Dates are YYYY-MM-DD; status is one of in_stock, in_repair, retired, lost.
        </p>
        <p className="muted">
          At most {maxImportBytes / (1024 * 1024)} MB and {formatCount(maxImportRows)} rows per file. The file is
          checked first and nothing changes until you confirm.
        </p>
      </Panel>
      <Panel id="upload" title="Upload">
        <AssetImport importUrl={`${getConfig().basePath}/api/assets/import`} />
      </Panel>
    </>
  );
}
