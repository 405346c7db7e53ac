import { currentUserReply } from '@/lib/http/routes/current-user';
import { plainResponse } from '@/lib/http/routes/reply';
import { requestInfoFromHeaders } from '@/lib/http/request-info';
import { otherMethods } from '@/lib/boundary/route';
import { describeHandler } from '@/lib/boundary/route-descriptions';

// The custom server answers this route itself before Next.js (server/direct-routes.ts) with the
// same function; this file answers it under `npm run dev`, `next start` and anywhere else.
export async function GET(request: Request): Promise<Response> {
  const { protocol } = requestInfoFromHeaders(request.headers);
  const bearer = {
    authorization: request.headers.get('authorization'),
    ipAddress: () => requestInfoFromHeaders(request.headers).ipAddress,
  };
  return plainResponse(await currentUserReply(request.headers.get('cookie'), protocol, bearer));
}

describeHandler(GET, { access: 'signed-in', note: "The signed-in user (or the API token's owner)." });

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
