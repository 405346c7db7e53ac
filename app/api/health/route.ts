import { healthReply } from '@/lib/http/routes/health';
import { plainResponse } from '@/lib/http/routes/reply';
import { otherMethods } from '@/lib/boundary/route';
import { describeHandler } from '@/lib/boundary/route-descriptions';

export const dynamic = 'force-dynamic';

// Also answered by the custom server itself before Next.js (server/direct-routes.ts), with the same function.
export function GET(): Response {
  return plainResponse(healthReply());
}

describeHandler(GET, { access: 'public', note: 'Liveness: answers while the process runs.' });

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
