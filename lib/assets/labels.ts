import type { AssetStatus } from '../db/enums';

// Display words for the browser too: this module imports types only, so client forms stay light.

export const assetCategorySuggestions = [
  'Laptop',
  'Desktop',
  'Monitor',
  'Phone',
  'Tablet',
  'Printer',
  'Network',
  'Server',
  'Peripheral',
  'Other',
] as const;

export const assetStatusLabels: Record<AssetStatus, string> = {
  in_stock: 'In stock',
  deployed: 'Deployed',
  in_repair: 'In repair',
  retired: 'Retired',
  lost: 'Lost',
};

/** In repair, retired or lost: checking such an asset out is likely a mistake, so it must be confirmed. */
export const needsCheckOutConfirmation = (status: AssetStatus): boolean =>
  status === 'in_repair' || status === 'retired' || status === 'lost';
