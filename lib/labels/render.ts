import 'server-only';
import type { Actor } from '../actor';
import { assertCanManageAssets } from '../assets/access';
import { listAssetsForLabels, type AssetFilters } from '../assets/queries';
import type { Executor } from '../db/client';
import { AppError } from '../errors';
import { formatCount } from '../format-count';
import { drawLabels, type LabelLogo, type LabelsPdf } from './draw';
import type { LabelFormat } from './formats';
import { findLabelLogo } from './logo';
import { maxLabelsPerPdf } from './schemas';
import { assetShortUrl } from './short-url';

export type LabelRequest = ({ assetIds: string[] } | { filter: AssetFilters }) & {
  format: LabelFormat;
  logo?: LabelLogo | null;
};

/**
 * A PDF of labels for the chosen assets (or every one matching a list filter), one per asset:
 * QR code of its short URL, tag, name and the optional logo. Staff only; requesters get "not found".
 */
export async function renderLabelsPdf(executor: Executor, actor: Actor, request: LabelRequest): Promise<LabelsPdf> {
  assertCanManageAssets(actor);
  const selection = 'assetIds' in request ? { assetIds: request.assetIds } : { filter: request.filter };
  const rows = await listAssetsForLabels(executor, actor, selection, maxLabelsPerPdf + 1);
  if (rows.length === 0) throw new AppError('not_found', 'No assets to print labels for.');
  if (rows.length > maxLabelsPerPdf)
    throw new AppError(
      'unprocessable',
      `That is more than ${formatCount(maxLabelsPerPdf)} labels. Narrow the filter and print in parts.`,
    );
  // The admin's logo unless the caller chose one (or none, with null).
  const logo = request.logo === undefined ? await findLabelLogo(executor) : request.logo;
  return drawLabels(rows, { format: request.format, logo, urlOf: assetShortUrl });
}
