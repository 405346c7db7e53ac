import { describeError, log } from '../lib/log';

// The first line only, without query strings: what a message may carry of the request's input.
const firstLine = (text: string) =>
  text
    .split('\n')[0]
    .replace(/\?[^\s`'"]*/g, '')
    .slice(0, 300);

function summary(args: unknown[]): Record<string, unknown> {
  const error = args.find((arg): arg is Error & { digest?: unknown } => arg instanceof Error);
  const text = firstLine(args.filter((arg): arg is string => typeof arg === 'string').join(' '));
  return {
    ...(error ? describeError(error) : {}),
    // A line that quotes a failed query would carry its parameters: described by the error instead.
    ...(text && !/failed query|params:/i.test(text) ? { message: text } : {}),
    ...(typeof error?.digest === 'string' ? { digest: error.digest } : {}),
  };
}

/**
 * Next.js writes its own warnings and errors (a page that failed, a stale server action, a body it
 * cut short) with console.warn and console.error, over several lines with a stack, the failed
 * query and its parameters. Once it runs, each is one JSON line like every other, with the
 * request id when it concerns a request, described as describeError says; never a stack.
 */
export function sendConsoleToLog(): void {
  console.error = (...args: unknown[]) => log.error('next.message', summary(args));
  console.warn = (...args: unknown[]) => log.warn('next.message', summary(args));
}
