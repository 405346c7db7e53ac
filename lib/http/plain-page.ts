import { NextResponse } from 'next/server';
import { plainPageHeaders, plainPageHtml, type PlainPageContent } from './plain-html';

/** The plain HTML answer (plain-html.ts) as a response of middleware. */
export function plainPage(
  status: number,
  content: PlainPageContent,
  headers: Record<string, string> = {},
): NextResponse {
  return new NextResponse(plainPageHtml(content), { status, headers: { ...plainPageHeaders, ...headers } });
}
