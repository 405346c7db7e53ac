import 'server-only';
import { authenticate, getRequestInfo, requireUser, type CurrentSession } from '../auth/dal';
import { AppError } from '../errors';
import type { AssetContext } from './access';

async function contextOf(current: CurrentSession): Promise<AssetContext> {
  const { ipAddress } = await getRequestInfo();
  return { actor: current.user, ipAddress };
}

/** For route handlers: the signed-in actor (401 otherwise) and the client address for the audit log. */
export async function authenticateAssetContext(): Promise<AssetContext> {
  return contextOf(await authenticate());
}

/** For server actions: the signed-in actor, or a redirect to the login page. */
export async function requireAssetContext(): Promise<AssetContext> {
  return contextOf(await requireUser());
}

/** A JSON body that may be absent (e.g. a plain check-in); present, it must be JSON. */
export async function readOptionalJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  if (!(request.headers.get('content-type') ?? '').toLowerCase().includes('application/json')) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
}
