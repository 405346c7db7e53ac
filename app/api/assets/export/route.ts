import { importColumns } from '@/lib/assets/csv-import-rows';
import { listAssetsForExport } from '@/lib/assets/queries';
import { strictAssetListSchema } from '@/lib/assets/schemas';
import { otherMethods, route } from '@/lib/boundary/route';
import { csvResponse } from '@/lib/http/csv-response';

// The same column names the import reads, so an export can be edited and imported back.
const header = [...importColumns, 'assigned_to', 'expected_return', 'updated_at'];

/** The list's filters and sort (page and pageSize are accepted and ignored: the export is every matching row). */
export const GET = route(
  { query: strictAssetListSchema, note: 'Answers CSV (text/csv).' },
  async ({ actor, query, db }) => {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    const rows = await listAssetsForExport(db, actor, filters);
    return csvResponse(
      `assets-${new Date().toISOString().slice(0, 10)}.csv`,
      header,
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
      ]),
    );
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
