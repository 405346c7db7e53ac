import { exportOnlyColumns, importColumns } from '@/lib/assets/csv-import-rows';
import { listAssetsForExport } from '@/lib/assets/queries';
import { strictAssetListSchema } from '@/lib/assets/schemas';
import { otherMethods, route } from '@/lib/boundary/route';
import { listAllCustomFields } from '@/lib/custom-fields/definitions';
import { formatCustomValue } from '@/lib/custom-fields/values-schema';
import { csvResponse } from '@/lib/http/csv-response';

// The same column names the import reads, so an export can be edited and imported back; each
// custom field is a column named as the field (the import reads it back into that field).
const header = [...importColumns, ...exportOnlyColumns];

/** The list's filters and sort (page and pageSize are accepted and ignored: the export is every matching row). */
export const GET = route(
  { query: strictAssetListSchema, note: 'Answers CSV (text/csv).' },
  async ({ actor, query, db }) => {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    const [rows, fields] = await Promise.all([listAssetsForExport(db, actor, filters), listAllCustomFields(db)]);
    const fieldNames = [...new Set(fields.map((field) => field.name))];
    return csvResponse(
      `assets-${new Date().toISOString().slice(0, 10)}.csv`,
      [...header, ...fieldNames],
      rows.map((asset) => [
        asset.assetTag,
        asset.name,
        asset.category,
        asset.manufacturer,
        asset.model,
        asset.serial,
        asset.status,
        asset.location,
        asset.purchaseDate,
        asset.purchaseCost,
        asset.warrantyEnd,
        asset.notes,
        asset.assignedTo?.username,
        asset.expectedReturn,
        asset.updatedAt,
        ...fieldNames.map((name) => formatCustomValue(asset.customFields[name])),
      ]),
    );
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
