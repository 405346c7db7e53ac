import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { AppError } from '../errors';
import { errorReply } from './error-reply';
import { requestInfoFromHeaders } from './request-info';

const noStore = { 'Cache-Control': 'no-store' };

export function jsonOk(body: unknown, init: { status?: number } = {}): NextResponse {
  return NextResponse.json(body, { status: init.status ?? 200, headers: noStore });
}

export function jsonError(error: unknown): NextResponse {
  const { status, headers, body } = errorReply(error);
  return NextResponse.json(body, { status, headers });
}

/** Wraps a route handler so that every failure becomes `{"error":{code,message,fields?}}`. */
export function jsonRoute<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    try {
      return await handler(request, context);
    } catch (error) {
      return jsonError(error);
    }
  };
}

/**
 * State-changing JSON routes refuse requests sent by another site's page. Scripts and curl send
 * no Origin and pass; a browser always sends one on POST.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site') throw new AppError('cross_origin', 'Cross-origin requests are not allowed.');
  if (origin === null) return;
  const { protocol, host } = requestInfoFromHeaders(request.headers);
  if (origin !== `${protocol}://${host}`) throw new AppError('cross_origin', 'Cross-origin requests are not allowed.');
}

/** Reads and validates a JSON body; a malformed body is a 400 that says what is wrong. */
export async function parseJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.output<Schema>> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().includes('application/json')) {
    throw new AppError('unsupported_media_type', 'Send the body as JSON with Content-Type: application/json.');
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'Some fields are missing or invalid.', { fields: fieldErrors(parsed.error) });
  }
  return parsed.data;
}

/** The first message for each field, keyed by its dotted path ("" for the whole body). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}
