import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DrizzleQueryError } from 'drizzle-orm';
import { refusedValue } from '../../lib/db/errors';
import { describeError } from '../../lib/log';
import { sendConsoleToLog } from '../../server/console-log';

const plantedHash = '$2b$10$abcdefghijklmnopqrstuuJ9wzQ3b0kqkC1hYx2y8x0pS4gk9ZcW2';
const plantedKey = 'PLANTED-KEY-7Q2W-9E4R';

/** What postgres.js throws for a refused value: its message quotes the value. */
function databaseError(code: string, message: string): Error {
  return Object.assign(new Error(message), {
    name: 'PostgresError',
    severity: 'ERROR',
    code,
    table_name: 'licenses',
    column_name: 'name',
  });
}

const failedInsert = () =>
  new DrizzleQueryError(
    'insert into "licenses" ("name", "product_key", "password_hash") values ($1, $2, $3)',
    ['a\u0000b', plantedKey, plantedHash],
    databaseError('22021', `invalid byte sequence for encoding "UTF8": 0x00 near "${plantedKey}"`),
  );

test('a failed query is described by its SQLSTATE and table, never its SQL, parameters, message or stack', () => {
  const described = describeError(failedInsert());
  const line = JSON.stringify(described);
  for (const secret of [plantedHash, plantedKey, 'params:', 'insert into', 'invalid byte sequence', '    at '])
    assert.ok(!line.includes(secret), `${secret} in ${line}`);
  assert.equal(described.code, '22021');
  assert.equal(described.table, 'licenses');
  assert.equal(described.column, 'name');
  assert.equal(described.message, 'the database refused a value');
});

/** What postgres.js throws when it cannot connect: Node's system error, the query attached unseen. */
function connectionError(message: string, code: string): Error {
  const error = Object.assign(new Error(message), { errno: -111, code, syscall: 'connect' });
  return Object.defineProperties(error, {
    query: { value: 'select * from sessions where token_hash = $1', enumerable: false },
    parameters: { value: [plantedHash], enumerable: false },
  });
}

test('a lost connection keeps its system message, which names no value, with or without a query around it', () => {
  const refused = connectionError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED');
  for (const error of [refused, new DrizzleQueryError('select 1', [plantedHash], refused)]) {
    const described = describeError(error);
    assert.equal(described.message, 'connect ECONNREFUSED 127.0.0.1:5432');
    assert.equal(described.code, 'ECONNREFUSED');
    assert.ok(!JSON.stringify(described).includes(plantedHash));
  }
});

test("a database that does not exist, or refuses the sign-in, says which in PostgreSQL's words", () => {
  for (const [code, message] of [
    ['3D000', 'database "itam" does not exist'],
    ['28P01', 'password authentication failed for user "itam"'],
  ])
    assert.equal(
      describeError(new DrizzleQueryError('select 1', [plantedHash], databaseError(code, message))).message,
      message,
    );
});

test('any other error keeps its name and message, without a stack', () => {
  const described = describeError(new TypeError('Cannot read properties of undefined'));
  assert.deepEqual(
    { error: described.error, message: described.message, stack: described.stack },
    { error: 'TypeError', message: 'Cannot read properties of undefined', stack: undefined },
  );
  assert.deepEqual(describeError(`thrown text holding ${plantedKey}`), { error: 'thrown string' });
  assert.ok(!JSON.stringify(describeError(new Error(`wrapped: ${failedInsert().message}`))).includes(plantedKey));
});

test('a value the database refused is a 400 for the client; other database errors are not', () => {
  for (const code of ['22021', '22P05', '22008', '22007', '22P02', '22001', '22003'])
    assert.equal(refusedValue(new Error('Failed query', { cause: databaseError(code, 'refused') }))?.status, 400, code);
  assert.equal(refusedValue(databaseError('23505', 'duplicate key')), null);
  assert.equal(refusedValue(databaseError('22012', 'division by zero')), null);
  assert.equal(refusedValue(new Error('plain')), null);
});

test('what Next.js hands to console.error is one JSON line as describeError says', () => {
  const [originalError, originalWarn] = [console.error, console.warn];
  const written: string[] = [];
  const originalWrite = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk: string) => written.push(chunk) > 0;
  try {
    sendConsoleToLog();
    console.error('⨯', failedInsert(), 'plain text stays');
    console.error(`Error: Failed query: select 1\nparams: ${plantedKey}`);
  } finally {
    process.stderr.write = originalWrite;
    [console.error, console.warn] = [originalError, originalWarn];
  }
  assert.equal(written.length, 2);
  const [first, second] = written.map((line) => JSON.parse(line) as Record<string, unknown>);
  assert.equal(first.message, '⨯ plain text stays');
  assert.equal(first.code, '22021');
  assert.equal(second.message, undefined);
  for (const line of written) {
    assert.ok(!line.includes(plantedKey) && !line.includes(plantedHash) && !line.includes('params:'), line);
    assert.equal(line.trimEnd().split('\n').length, 1);
  }
});
