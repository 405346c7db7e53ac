import type { Metadata } from 'next';
import { BackLink, Link } from '@/app/components/link';
import { listCatalogSuggestions } from '@/lib/catalog/spellings';
import type { AssetSummary } from '@/lib/assets/queries';
import { staffRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { listAllCustomFields } from '@/lib/custom-fields/definitions';
import { formatCustomValue } from '@/lib/custom-fields/values-schema';
import { listLocationChoices } from '@/lib/locations/queries';
import { updateAssetAction } from '../../actions';
import { AssetForm } from '../../asset-form';
import { loadAsset } from '../load-asset';

export const metadata: Metadata = { title: 'Edit asset' };

const formValuesOf = (asset: AssetSummary): Record<string, string> => ({
  assetTag: asset.assetTag,
  name: asset.name,
  category: asset.category,
  manufacturer: asset.manufacturer ?? '',
  model: asset.model ?? '',
  serial: asset.serial ?? '',
  status: asset.status,
  locationId: asset.locationId ?? '',
  ...Object.fromEntries(
    Object.entries(asset.customValues).map(([id, value]) => [`customFields.${id}`, formatCustomValue(value)]),
  ),
  purchaseDate: asset.purchaseDate ?? '',
  purchaseCost: asset.purchaseCost ?? '',
  warrantyEnd: asset.warrantyEnd ?? '',
  notes: asset.notes ?? '',
});

/** Staff edit an asset here; saving goes back to the asset page, which says it was saved. */
export default async function EditAssetPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await pageActor(staffRoles);
  const asset = await loadAsset(actor, (await params).id);
  const db = await getDb();
  const [suggestions, places, customFields] = await Promise.all([
    listCatalogSuggestions(db),
    listLocationChoices(db),
    listAllCustomFields(db),
  ]);
  const assetHref = `/assets/${asset.id}`;
  return (
    <>
      <BackLink href={assetHref}>{asset.assetTag}</BackLink>
      <h1>
        Edit {asset.assetTag} <span className="muted">{asset.name}</span>
      </h1>
      <section className="panel stack" aria-label="Asset details">
        <AssetForm
          key={asset.version}
          action={updateAssetAction}
          initial={formValuesOf(asset)}
          hidden={{ assetId: asset.id, version: String(asset.version) }}
          submitLabel="Save changes"
          statusLocked={Boolean(asset.assignedTo)}
          suggestions={suggestions}
          places={places}
          customFields={customFields}
        />
        <p>
          <Link href={assetHref}>Cancel</Link>
        </p>
      </section>
    </>
  );
}
