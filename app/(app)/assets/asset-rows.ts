import type { AssetSummary } from '@/lib/assets/queries';
import type { AssetStatus } from '@/lib/db/enums';
import { formatCustomValue } from '@/lib/custom-fields/values-schema';

/** What one row of the asset table shows: all the browser receives of an asset on the list. */
export type AssetRow = {
  id: string;
  assetTag: string;
  name: string;
  category: string;
  status: AssetStatus;
  holder: { id: string; displayName: string } | null;
  serial: string | null;
  location: string | null;
  warrantyEnd: string | null;
  /** The custom field columns the list shows, by field name, as text. */
  custom: Record<string, string>;
};

export function toAssetRow(asset: AssetSummary, customColumns: readonly string[] = []): AssetRow {
  return {
    id: asset.id,
    assetTag: asset.assetTag,
    name: asset.name,
    category: asset.category,
    status: asset.status,
    holder: asset.assignedTo ? { id: asset.assignedTo.id, displayName: asset.assignedTo.displayName } : null,
    serial: asset.serial,
    location: asset.location,
    warrantyEnd: asset.warrantyEnd,
    custom: Object.fromEntries(customColumns.map((name) => [name, formatCustomValue(asset.customFields[name])])),
  };
}
