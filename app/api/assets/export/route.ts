import { parseStrictAssetQuery } from '@/lib/assets/list-query';
import { listAssetsForExport } from '@/lib/assets/queries';
import { authenticateAssetContext } from '@/lib/assets/request-context';
import { getDb } from '@/lib/db/client';
import { csvResponse } from '@/lib/http/csv-response';
import { jsonRoute } from '@/lib/http/json';

// The same column names the import reads, so an export can be edited and imported back.
const header = ['asset_tag', 'name', 'category', 'manufacturer', 'model', 'serial', 'status', 'location', 'purchase_date', 'purchase_cost', 'warranty_end', 'notes', 'assigned_to', 'expected_return', 'updated_at'];

export const GET = jsonRoute(async (request) => {
  const { page: _page, pageSize: _pageSize, ...filters } = parseStrictAssetQuery(request);
  const context = await authenticateAssetContext();
  const rows = await listAssetsForExport(await getDb(), context.actor, filters);
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
});
