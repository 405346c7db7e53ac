import type { Metadata } from 'next';
import { BackLink } from '@/app/components/link';
import { Panel } from '@/app/components/panel';
import { listAssets } from '@/lib/assets/queries';
import { assetListSchema } from '@/lib/assets/schemas';
import { isAdmin, staffRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db/client';
import { formatCount } from '@/lib/format-count';
import { labelFormats, labelStocks, pageCountFor } from '@/lib/labels/formats';
import { labelLogoVersion } from '@/lib/labels/logo';
import { maxChosenAssets, maxLabelsPerPdf } from '@/lib/labels/schemas';
import { isUuid } from '@/lib/validation';
import { LabelLogoPanel } from './logo-panel';
import { readListQuery, type SearchParams } from '../../_components/list-query';

export const metadata: Metadata = { title: 'Print labels' };

// Every filter the asset list has, whatever is added to it later; not its page.
const listFilterKeys = Object.keys(assetListSchema.shape).filter((key) => key !== 'page' && key !== 'pageSize');

/**
 * Labels for "all N matching this filter" of the asset list, or for the rows ticked in it (the bulk
 * bar's "Print labels for selected" sends them as `id`): choose the stock, get the PDF.
 */
export default async function PrintLabelsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await pageActor(staffRoles);
  const query = await searchParams;
  const selectedRows = query.scope === 'selected';
  const chosen = [query.id ?? []].flat().filter((id) => isUuid(id));
  const { raw, params } = await readListQuery(Promise.resolve(query), assetListSchema);
  const db = await getDb();
  const [{ total }, logoVersion] = await Promise.all([
    selectedRows ? { total: chosen.length } : listAssets(db, actor, { ...params, page: 1, pageSize: 1 }),
    labelLogoVersion(db),
  ]);
  const filter: [string, string][] = selectedRows
    ? [['ids', chosen.join(',')]]
    : Object.entries(raw).filter(([key]) => listFilterKeys.includes(key));
  const listFilters = typeof query.filters === 'string' ? query.filters : '';
  const listQuery = selectedRows ? listFilters : new URLSearchParams(Object.fromEntries(filter)).toString();
  const tooMany = total > (selectedRows ? maxChosenAssets : maxLabelsPerPdf);

  return (
    <>
      <BackLink href={`/assets${listQuery ? `?${listQuery}` : ''}`}>Assets</BackLink>
      <h1>Print labels</h1>
      <Panel
        id="labels"
        title={
          selectedRows
            ? `${formatCount(total)} selected ${total === 1 ? 'asset' : 'assets'}`
            : `All ${formatCount(total)} ${total === 1 ? 'asset' : 'assets'} matching this filter`
        }
      >
        {total === 0 && selectedRows ? (
          <p className="empty">Tick the assets to print in the list first.</p>
        ) : total === 0 ? (
          <p className="empty">No assets match this filter.</p>
        ) : tooMany ? (
          <p className="notice error">
            {selectedRows
              ? `Choose at most ${formatCount(maxChosenAssets)} assets, or print from a filter.`
              : `At most ${formatCount(maxLabelsPerPdf)} labels fit in one PDF. Narrow the filter and print in parts.`}
          </p>
        ) : (
          <form method="get" action={`${getConfig().basePath}/api/assets/labels`} target="_blank">
            {filter.map(([key, value]) => (
              <input key={key} type="hidden" name={key} value={value} />
            ))}
            <fieldset className="field">
              <legend>Label stock</legend>
              {labelFormats.map((format, index) => (
                <label key={format} className="choice">
                  <input type="radio" name="format" value={format} defaultChecked={index === 0} />{' '}
                  {labelStocks[format].label} — {formatCount(pageCountFor(labelStocks[format], total))}{' '}
                  {pageCountFor(labelStocks[format], total) === 1 ? 'page' : 'pages'}
                </label>
              ))}
            </fieldset>
            <button type="submit">Download PDF</button>
          </form>
        )}
        <p className="muted">
          Print at 100% (&quot;actual size&quot;), not &quot;fit to page&quot;, so the labels line up with the sheet.
        </p>
      </Panel>
      <LabelLogoPanel logoVersion={logoVersion} admin={isAdmin(actor)} />
    </>
  );
}
