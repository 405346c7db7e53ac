import type { Instrumentation } from 'next';
import { log } from '@/lib/log';

// Next.js calls this for every page, action or route that fails on the server; its own multi-line
// print is off (server/index.ts starts it quiet). One JSON line with the request id, and nothing of
// the input: no query string, no message (a database error's can hold the values it was given), no stack.
export const onRequestError: Instrumentation.onRequestError = (error, request, context) => {
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
