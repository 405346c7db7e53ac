import { currentRequestId } from './request-context';

// JSON lines on stdout/stderr. Callers pass ids and outcomes, never passwords, cookies or secrets.
// Lines written while serving a request carry its request id.
type Level = 'info' | 'warn' | 'error';

// A reader of the log that went away (a closed pipe) must not take the server down or keep it busy
// reporting that it cannot write: a stream that failed once is written to no more.
//
// Lines for stdout wait for the end of this turn of the event loop and leave in one write: a busy
// server finishes many requests a turn, and each write to a pipe or a file is a system call, a
// large part of what a remembered /api/auth/me costs. Errors (stderr) are written at once, and
// whatever waits is written when the process exits. On globalThis: every Next.js bundle loads this
// module apart, and one process has one stdout.
type Output = { broken: WeakSet<object>; waiting: string[]; flushing: boolean };
const outputKey = Symbol.for('it-assets-manager.log-output');

function output(): Output {
  const holder = globalThis as { [outputKey]?: Output };
  if (holder[outputKey]) return holder[outputKey];
  const state: Output = { broken: new WeakSet<object>(), waiting: [], flushing: false };
  for (const stream of [process.stdout, process.stderr]) {
    if (typeof stream?.on === 'function') stream.on('error', () => state.broken.add(stream));
  }
  if (typeof process.on === 'function') process.on('exit', () => flush(state));
  return (holder[outputKey] = state);
}

function flush(state: Output): void {
  state.flushing = false;
  if (state.waiting.length === 0) return;
  const lines = state.waiting.join('');
  state.waiting = [];
  if (!state.broken.has(process.stdout)) process.stdout.write(lines);
}

function write(level: Level, event: string, fields: Record<string, unknown>): void {
  const state = output();
  const stream = level === 'error' ? process.stderr : process.stdout;
  if (state.broken.has(stream)) return;
  // Straight to the stream: console.log's formatting and colour checks cost more than the line itself.
  const line = `${JSON.stringify({
    time: new Date().toISOString(),
    level,
    event,
    pid: process.pid,
    requestId: currentRequestId(),
    ...fields,
  })}\n`;
  if (stream === process.stderr) {
    stream.write(line);
    return;
  }
  state.waiting.push(line);
  if (!state.flushing) {
    state.flushing = true;
    setImmediate(flush, state);
  }
}

export const log = {
  info: (event: string, fields: Record<string, unknown> = {}) => write('info', event, fields),
  warn: (event: string, fields: Record<string, unknown> = {}) => write('warn', event, fields),
  error: (event: string, fields: Record<string, unknown> = {}) => write('error', event, fields),
};

// What an error may put in the log. Never its stack (nothing an operator acts on, and noise), and
// never the message of a failed query or of PostgreSQL itself: Drizzle's names the SQL and every
// parameter (a password hash, a product key), PostgreSQL's may quote the value it refused. Those
// are described by their SQLSTATE and the table, column or constraint it names instead.
const maxMessageLength = 300;
const databaseErrorClasses: Record<string, string> = {
  '22': 'the database refused a value',
  '23': 'a database constraint refused the change',
  '40': 'the database rolled the transaction back',
  '42': 'the database refused the query',
  '53': 'the database ran out of resources',
  '57': 'the database stopped the query',
};

type ErrorLink = Error & { code?: unknown; severity?: unknown; query?: unknown; params?: unknown; syscall?: unknown };

const isSqlState = (code: unknown): code is string => typeof code === 'string' && /^(?=.*\d)[0-9A-Z]{5}$/.test(code);
// A query error carries the SQL and its parameters; a database error carries a severity and a
// SQLSTATE; a message quoting either is no safer than they are.
const safeToQuote = (link: ErrorLink) =>
  !('params' in link || 'query' in link || 'severity' in link || isSqlState(link.code)) &&
  !/failed query|params:/i.test(link.message);
// Why a connection failed quotes no value, whatever query the driver attached to the error: Node
// makes a system error's message from the call and the address ("connect ECONNREFUSED
// 127.0.0.1:5432"); PostgreSQL's refusals of a connection (SQLSTATE classes 08, 28 and 3D) name the
// user or the database from DATABASE_URL ('database "itam" does not exist').
const isSystemError = (link: ErrorLink) =>
  typeof link.syscall === 'string' && typeof link.code === 'string' && /^E[A-Z]+$/.test(link.code);
const refusedConnection = (link: ErrorLink) => isSqlState(link.code) && /^(08|28|3D)/.test(link.code);

function chainOf(error: Error): ErrorLink[] {
  const chain: ErrorLink[] = [];
  for (let link: unknown = error; link instanceof Error && chain.length < 5; link = link.cause) chain.push(link);
  return chain;
}

function firstOf(chain: ErrorLink[], names: string[]): string | undefined {
  for (const link of chain) {
    for (const name of names) {
      const value = (link as unknown as Record<string, unknown>)[name];
      if (typeof value === 'string' && /^[\w.]{1,63}$/.test(value)) return value;
    }
  }
  return undefined;
}

export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: `thrown ${typeof error}` };
  const chain = chainOf(error);
  const code = chain.map((link) => link.code).find((value) => typeof value === 'string' && value.length <= 40);
  const sqlState = chain.map((link) => link.code).find(isSqlState);
  const quotable = chain.find((link) => isSystemError(link) || refusedConnection(link)) ?? chain.find(safeToQuote);
  const message = quotable
    ? quotable.message.slice(0, maxMessageLength)
    : (databaseErrorClasses[sqlState?.slice(0, 2) ?? ''] ?? 'a database query failed');
  return {
    error: error.name,
    message,
    ...(code ? { code } : {}),
    ...(chain.length > 1 ? { cause: chain.slice(1).map((link) => link.name) } : {}),
    table: firstOf(chain, ['table_name', 'table']),
    column: firstOf(chain, ['column_name', 'column']),
    constraint: firstOf(chain, ['constraint_name', 'constraint']),
  };
}
