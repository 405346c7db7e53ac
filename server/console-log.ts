import { log } from '../lib/log';

// The first line only, without query strings: what a message may carry of the request's input.
const firstLine = (text: string) =>
  text
    .split('\n')[0]
    .replace(/\?[^\s`'"]*/g, '')
    .slice(0, 300);

function summary(args: unknown[]): Record<string, unknown> {
  const error = args.find((arg): arg is Error & { digest?: unknown } => arg instanceof Error);
  const text = args.filter((arg): arg is string => typeof arg === 'string').join(' ');
  return {
    message: firstLine(text || error?.message || ''),
    ...(error ? { error: error.name } : {}),
    ...(typeof error?.digest === 'string' ? { digest: error.digest } : {}),
  };
}

/**
 * Next.js writes its own warnings and errors (a stale server action, a body it cut short) with
 * console.warn and console.error, over several lines with a stack. Once it runs, each is one JSON
 * line like every other, with the request id when it concerns a request; never a stack.
 */
export function sendConsoleToLog(): void {
  console.error = (...args: unknown[]) => log.error('next.message', summary(args));
  console.warn = (...args: unknown[]) => log.warn('next.message', summary(args));
}
