import { currentRequestId } from './request-context';

// JSON lines on stdout/stderr. Callers pass ids and outcomes, never passwords, cookies or secrets.
// Lines written while serving a request carry its request id.
type Level = 'info' | 'warn' | 'error';

function write(level: Level, event: string, fields: Record<string, unknown>): void {
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    event,
    pid: process.pid,
    requestId: currentRequestId(),
    ...fields,
  });
  // Straight to the stream: console.log's formatting and colour checks cost more than the line itself.
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  info: (event: string, fields: Record<string, unknown> = {}) => write('info', event, fields),
  warn: (event: string, fields: Record<string, unknown> = {}) => write('warn', event, fields),
  error: (event: string, fields: Record<string, unknown> = {}) => write('error', event, fields),
};

export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.name, message: error.message, stack: error.stack };
  return { error: String(error) };
}
