// The server's start-up checks and `npm run users`, run as real processes: what an operator sees.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-cli-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string> = {}, input = '') {
  const result = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', script, ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      BCRYPT_COST: '4',
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const users = (args: string[], input = '') => run('scripts/users.ts', args, {}, input);
const noStackTrace = (text: string) => assert.doesNotMatch(text, /^\s+at .+:\d+:\d+\)?$/m, `stack trace in:\n${text}`);

describe('starting the server with a bad configuration', () => {
  test('production without SESSION_SECRET stops with one sentence saying how to make one', () => {
    const result = run('server/index.ts', [], { NODE_ENV: 'production', BCRYPT_COST: '12' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /SESSION_SECRET is required in production .*npm run secret/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
    noStackTrace(result.stderr + result.stdout);
  });

  test('a short secret and a bad port are refused by name', () => {
    const short = run('server/index.ts', [], {
      NODE_ENV: 'production',
      BCRYPT_COST: '12',
      SESSION_SECRET: 'too-short',
    });
    assert.equal(short.status, 1);
    assert.match(short.stderr, /SESSION_SECRET is 9 characters long; it must be at least 32/);
    const port = run('server/index.ts', [], { PORT: 'eighty' });
    assert.equal(port.status, 1);
    assert.match(port.stderr, /PORT must be a whole number from 1 to 65535; got "eighty"/);
    noStackTrace(short.stderr + port.stderr);
  });
});

describe('npm run db:migrate', () => {
  test('an option it does not take is refused, and nothing is migrated', () => {
    const result = run('scripts/db-migrate.ts', ['--dry-run']);
    assert.equal(result.status, 2);
    assert.equal(result.stderr.trim(), 'error: npm run db:migrate takes no options; got "--dry-run".');
    assert.equal(result.stdout, '');
  });

  test('a PostgreSQL that refuses the connection is named in one line, without the query', () => {
    const result = run('scripts/db-migrate.ts', [], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/itam',
      SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
    });
    assert.equal(result.status, 1);
    assert.equal(result.stderr.trim(), 'error: connect ECONNREFUSED 127.0.0.1:1');
    noStackTrace(result.stderr + result.stdout);
  });
});

describe('npm run users', () => {
  test('creates users from a password on standard input and lists them', () => {
    const created = users(
      ['create', '--username', 'Alice', '--role', 'agent', '--display-name', 'Alice A', '--password-stdin'],
      'alice-password\n',
    );
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Created agent Alice\./);
    const listed = users(['list']);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, /Alice\s+agent\s+active\s+Alice A/);
  });

  test('bad input exits non-zero with a clear message and changes nothing', () => {
    const cases: [string[], string, RegExp, number][] = [
      [
        ['create', '--username', 'bob', '--role', 'boss', '--password-stdin'],
        'bob-password',
        /--role must be one of admin, agent, requester; got "boss"/,
        2,
      ],
      [['create', '--username', 'bob', '--role', 'agent', '--password-stdin'], 'short', /Use at least 8 characters/, 2],
      [['create', '--username', 'bob', '--role', 'agent', '--password-stdin'], 'x'.repeat(73), /at most 72 bytes/, 2],
      [
        ['create', '--username', 'bob', '--role', 'agent', '--password', 'secret123'],
        '',
        /Unknown option '--password'/,
        2,
      ],
      [['create', '--username', 'bob', '--role', 'agent'], 'bob-password', /--password-stdin is required/, 2],
      [['create', '--username', 'ALICE', '--role', 'agent', '--password-stdin'], 'alice-password', /already taken/, 1],
      [
        ['set-password', '--username', 'nobody', '--password-stdin'],
        'whatever-pass',
        /there is no user named "nobody"/,
        2,
      ],
      [['frobnicate'], '', /unknown command "frobnicate"/, 2],
    ];
    for (const [args, input, message, status] of cases) {
      const result = users(args, input);
      assert.equal(result.status, status, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      noStackTrace(result.stderr);
    }
    assert.doesNotMatch(users(['list']).stdout, /^bob /m);
  });

  test('disable and enable change the account', () => {
    assert.equal(users(['disable', '--username', 'alice']).status, 0);
    assert.match(users(['list']).stdout, /Alice\s+agent\s+disabled/);
    assert.equal(users(['enable', '--username', 'alice']).status, 0);
    assert.match(users(['list']).stdout, /Alice\s+agent\s+active/);
  });
});
