import type { Instrumentation } from 'next';

// Next.js calls this for every page, action or route that fails on the server; its own multi-line
// print is off (server/index.ts starts it quiet). One JSON line with the request id, and nothing of
// the input: no query string, no message (a database error's can hold the values it was given), no stack.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // The log writes to Node's streams: loaded only where they exist, so the edge bundle never holds it.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log } = await import('@/lib/log');
  const failure = error instanceof Error ? (error as Error & { digest?: unknown; code?: unknown }) : null;
  const cause = failure?.cause as { code?: unknown } | undefined;
  const code = failure?.code ?? cause?.code;
  log.error('http.request_failed', {
    method: request.method,
    path: request.path.split('?')[0],
    route: context.routePath,
    routeType: context.routeType,
    error: failure?.name ?? typeof error,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof failure?.digest === 'string' ? { digest: failure.digest } : {}),
  });
};
