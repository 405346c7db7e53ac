import type { NextResponse } from 'next/server';
import { databaseUnavailable, unavailableRetryAfterSeconds } from '../db/availability';
import { jsonError } from './json';
import { plainPage } from './plain-page';

// The 503 answer while the database is unreachable: plain, self-contained, nothing internal.
export function serviceUnavailable(forApi: boolean): NextResponse {
  if (forApi) return jsonError(databaseUnavailable());
  return plainPage(
    503,
    {
      title: 'Service unavailable',
      message:
        'IT Assets Manager cannot reach its database right now. It will be back by itself as soon as the database is; please try again in a minute.',
    },
    { 'Retry-After': String(unavailableRetryAfterSeconds) },
  );
}
