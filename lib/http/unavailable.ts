import { NextResponse } from 'next/server';
import { databaseUnavailable, unavailableRetryAfterSeconds } from '../db/availability';
import { jsonError } from './json';

// The 503 answer while the database is unreachable: plain, self-contained, nothing internal.
const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Service unavailable · IT Assets Manager</title>
<style>body{font-family:system-ui,sans-serif;background:#f5f6f8;color:#1c2230;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border:1px solid #d9dde5;border-radius:8px;padding:1.5rem;max-width:420px}</style></head>
<body><main><h1>Service unavailable</h1><p>IT Assets Manager cannot reach its database right now. It will be back by itself as soon as the database is; please try again in a minute.</p></main></body></html>`;

export function serviceUnavailable(forApi: boolean): NextResponse {
  if (forApi) return jsonError(databaseUnavailable());
  return new NextResponse(page, {
    status: 503,
    headers: {
      'Cache-Control': 'no-store',
      'Retry-After': String(unavailableRetryAfterSeconds),
      'Content-Type': 'text/html; charset=utf-8',
    },
  });
}
