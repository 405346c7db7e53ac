'use client';

import type { AssetSummary } from '@/lib/assets/queries';
import { basePath } from '@/app/components/base-path';

// The JSON route behind the Scan page's lookups (GET /api/assets/lookup), from the browser.

const apiBase = `${basePath}/api`;

export type ScannedAsset = Pick<AssetSummary, 'id' | 'assetTag' | 'name' | 'status' | 'version' | 'serial'> & {
  assignedTo: AssetSummary['assignedTo'];
};
export type LookupAnswer =
  { found: true; asset: ScannedAsset; checkOutProblem: string | null } | { found: false; message: string };

export async function lookUpCode(code: string): Promise<LookupAnswer> {
  const response = await fetch(`${apiBase}/assets/lookup?${new URLSearchParams({ code })}`, {
    headers: { accept: 'application/json' },
  });
  const body = (await response.json().catch(() => null)) as
    { asset: ScannedAsset; checkOutProblem: string | null } | { error?: { message?: string } } | null;
  if (response.ok && body && 'asset' in body)
    return { found: true, asset: body.asset, checkOutProblem: body.checkOutProblem };
  const message = body && 'error' in body ? body.error?.message : undefined;
  return { found: false, message: message ?? 'The code could not be looked up. Try again.' };
}

export const apiUrl = (path: string) => `${apiBase}${path}`;
