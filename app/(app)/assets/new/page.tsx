import type { Metadata } from 'next';
import { BackLink } from '@/app/components/link';
import { listCatalogSuggestions } from '@/lib/catalog/spellings';
import { suggestNextAssetTag } from '@/lib/assets/next-tag';
import { staffRoles } from '@/lib/actor';
import { pageActor } from '@/lib/boundary/page';
import { getDb } from '@/lib/db/client';
import { listAllCustomFields } from '@/lib/custom-fields/definitions';
import { listLocationChoices } from '@/lib/locations/queries';
import { createAssetAction } from '../actions';
import { AssetForm } from '../asset-form';

export const metadata: Metadata = { title: 'New asset' };

export default async function NewAssetPage() {
  await pageActor(staffRoles);
  const db = await getDb();
  const [assetTag, suggestions, places, customFields] = await Promise.all([
    suggestNextAssetTag(db),
    listCatalogSuggestions(db),
    listLocationChoices(db),
    listAllCustomFields(db),
  ]);
  return (
    <>
      <BackLink href="/assets">Assets</BackLink>
      <h1>New asset</h1>
      <section className="panel" aria-label="Asset details">
        <AssetForm
          action={createAssetAction}
          initial={{ assetTag, category: '', status: 'in_stock' }}
          submitLabel="Create asset"
          suggestions={suggestions}
          places={places}
          customFields={customFields}
        />
      </section>
    </>
  );
}
