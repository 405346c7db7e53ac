import 'server-only';
import { auditFor } from '../audit/record';

/** Writes an audit row about one asset, named by its tag. */
export const auditAsset = auditFor('asset', (asset: { assetTag: string }) => ({ assetTag: asset.assetTag }));
