import { liveness } from '../../health/liveness';
import { plainJson, type PlainReply } from './reply';

/** GET /api/health: liveness only, no database, nothing secret. Load balancers and monitors poll it. */
export function healthReply(): PlainReply {
  return plainJson(200, liveness());
}
