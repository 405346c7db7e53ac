import { AppError } from '../errors';

// Both drivers report PostgreSQL's SQLSTATE in `code`, sometimes on a wrapped cause.
function hasCode(error: unknown, matches: (code: string) => boolean): boolean {
  for (let current = error; current; current = (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && matches(code)) return true;
  }
  return false;
}

export function isUniqueViolation(error: unknown): boolean {
  return hasCode(error, (code) => code === '23505');
}

// Values PostgreSQL cannot store: text it cannot encode (NUL: 22021, 22P05 in JSON), a date or
// number out of its range (22008, 22003), malformed input for a type (22007, 22P02), text too long
// for its column (22001). The schemas refuse these first; this keeps one they miss a 400, not a 500.
const refusedValueCodes = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

/** The client's error for a value the database refused, or null when `error` is something else. */
export function refusedValue(error: unknown): AppError | null {
  if (!hasCode(error, (code) => refusedValueCodes.has(code))) return null;
  return new AppError(
    'bad_request',
    'A value cannot be stored: remove control characters, and check dates and numbers are in range.',
  );
}

// postgres.js connection errors, and PostgreSQL's "connection exception" class (08) and
// shutdown codes (57P01-57P03): the database is unreachable, not the query wrong.
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
]);

export function isConnectionFailure(error: unknown): boolean {
  return hasCode(error, (code) => connectionCodes.has(code) || code.startsWith('08'));
}
