import { AppError } from '../errors';
import { fieldErrors } from '../http/json';
import { searchParamsToObject } from '../http/list-params';
import { strictAssetListSchema, type AssetListParams } from './schemas';

/** For JSON routes: the list's query string, where an unknown or malformed parameter is a 400. */
export function parseStrictAssetQuery(request: Request): AssetListParams {
  const parsed = strictAssetListSchema.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError('validation_failed', 'Some query parameters are invalid.', { fields: fieldErrors(parsed.error) });
  return parsed.data;
}
