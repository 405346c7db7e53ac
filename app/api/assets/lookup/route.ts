import { z } from 'zod';
import { findAssetByCode, quickCheckOutProblem } from '@/lib/assets/scan-lookup';
import { otherMethods, route } from '@/lib/boundary/route';

const lookupQuery = z.strictObject({
  code: z.string({ error: 'code is the scanned or typed text' }).min(1, 'Scan or type a code.').max(500),
});

/** A scanned code (our label's short URL, an asset tag, or a serial number) → the asset, for the Scan page. */
export const GET = route({ query: lookupQuery }, async ({ actor, query, db }) => {
  const asset = await findAssetByCode(db, actor, query.code);
  return { asset, checkOutProblem: quickCheckOutProblem(asset) };
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
