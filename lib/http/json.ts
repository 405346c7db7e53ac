import 'server-only';
import { NextResponse } from 'next/server';
import { errorReply } from './error-reply';
import { jsonContentSecurityPolicy } from './security-headers';

// JSON answers in Next.js's Response type: a value, or the one error body.

export function jsonOk(body: unknown, init: { status?: number } = {}): NextResponse {
  return NextResponse.json(body, {
    status: init.status ?? 200,
    headers: { 'Cache-Control': 'no-store', 'Content-Security-Policy': jsonContentSecurityPolicy },
  });
}

export function jsonError(error: unknown): NextResponse {
  const { status, headers, body } = errorReply(error);
  return NextResponse.json(body, { status, headers });
}
