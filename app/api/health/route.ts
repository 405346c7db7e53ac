import { healthReply } from '@/lib/http/routes/health';
import { plainResponse } from '@/lib/http/routes/reply';
import { otherMethods } from '@/lib/boundary/route';

export const dynamic = 'force-dynamic';

// Also answered by the custom server itself before Next.js (server/direct-routes.ts), with the same function.
export function GET(): Response {
  return plainResponse(healthReply());
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
