import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadConfig as loadConfigFrom, type ConfigNotice } from '../../lib/config';
import { parseDurationSeconds } from '../../lib/config/duration';
import { parseSecretList } from '../../lib/config/session-secret';
import { AppError } from '../../lib/errors';

type Env = Record<string, string | undefined>;
const loadConfig = (env: Env, notices?: ConfigNotice[]) => loadConfigFrom(env, notices);

const secret = 'a'.repeat(32);
const otherSecret = 'b'.repeat(40);

const tempDirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-config-test-'));
  tempDirs.push(dir);
  return dir;
}
after(() => tempDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Asserts loadConfig refuses `env` with AppError('config_invalid') and returns its message. */
function refusal(env: Env): string {
  let caught: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof AppError, `expected an AppError, got ${String(caught)}`);
  assert.equal(caught.code, 'config_invalid');
  assert.match(caught.message, /^Configuration error: /);
  return caught.message;
}

describe('loadConfig defaults', () => {
  test('an environment with only a secret gets the documented defaults', () => {
    const config = loadConfig({ SESSION_SECRET: secret });
    assert.equal(config.nodeEnv, 'development');
    assert.equal(config.isProduction, false);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.port, 3000);
    assert.equal(config.basePath, '');
    assert.equal(config.dataDir, path.resolve('data'));
    assert.deepEqual(config.database, { kind: 'pglite', dataDir: path.resolve('data') });
    assert.deepEqual(config.session.secrets, [secret]);
    assert.equal(config.session.secretSource, 'environment');
    assert.equal(config.session.ttlSeconds, 7 * 86400);
    assert.equal(config.session.idleTimeoutSeconds, 24 * 3600);
    assert.equal(config.session.checkCacheMs, 2000);
    assert.equal(config.session.pruneIntervalSeconds, 3600);
    assert.deepEqual(config.trustProxy, { mode: 'none' });
    assert.equal(config.cookieSecure, 'auto');
    assert.equal(config.bcryptCost, 12);
    assert.deepEqual(config.loginLimits, { maxFailuresPerAccount: 5, maxFailuresPerAddress: 20, windowSeconds: 900 });
  });

  test('DATABASE_URL selects PostgreSQL; blank values count as unset', () => {
    const config = loadConfig({
      SESSION_SECRET: secret,
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/itam',
      PORT: ' ',
    });
    assert.deepEqual(config.database, {
      kind: 'postgres',
      url: 'postgres://u:p@127.0.0.1:5432/itam',
      preparedStatements: true,
    });
    const unprepared = loadConfig({
      SESSION_SECRET: secret,
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/itam',
      DATABASE_PREPARED_STATEMENTS: 'false',
    });
    assert.equal(unprepared.database.kind === 'postgres' && unprepared.database.preparedStatements, false);
    assert.equal(config.port, 3000);
  });

  test('readable values are parsed: durations, base path, trust proxy, cookie security', () => {
    const config = loadConfig({
      SESSION_SECRET: secret,
      SESSION_TTL: '12h',
      SESSION_CHECK_CACHE: '0',
      BASE_PATH: '/it-assets/',
      TRUST_PROXY: 'loopback',
      COOKIE_SECURE: 'true',
    });
    assert.equal(config.session.ttlSeconds, 12 * 3600);
    assert.equal(config.session.checkCacheMs, 0);
    assert.equal(config.basePath, '/it-assets');
    assert.equal(config.trustProxy.mode, 'list');
    assert.equal(config.cookieSecure, 'always');
  });
});

describe('loadConfig session secret', () => {
  test('production without SESSION_SECRET refuses to start and says how to make one', () => {
    const message = refusal({ NODE_ENV: 'production', DATA_DIR: tempDataDir() });
    assert.match(message, /SESSION_SECRET is required in production/);
    assert.match(message, /npm run secret/);
  });

  test('a secret shorter than 32 characters is refused; 32 is accepted', () => {
    const message = refusal({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(31) });
    assert.match(message, /31 characters long; it must be at least 32/);
    assert.match(message, /npm run secret/);
    assert.equal(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }).isProduction, true);
  });

  test('a rotation list is read newest first', () => {
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: ` ${otherSecret} , ${secret} ` });
    assert.deepEqual(config.session.secrets, [otherSecret, secret]);
    assert.deepEqual(parseSecretList(`${otherSecret},${secret}`), [otherSecret, secret]);
  });

  test('an empty or short entry in the rotation list is refused', () => {
    assert.match(refusal({ SESSION_SECRET: `${secret},` }), /SESSION_SECRET has an empty entry/);
    assert.match(refusal({ SESSION_SECRET: `${secret},,${otherSecret}` }), /empty entry/);
    assert.match(refusal({ SESSION_SECRET: `${secret},short` }), /Entry 2 of SESSION_SECRET is 5 characters long/);
  });

  test('outside production a missing secret is generated once into DATA_DIR, with a warning', () => {
    const dataDir = tempDataDir();
    const firstNotices: ConfigNotice[] = [];
    const first = loadConfig({ NODE_ENV: 'development', DATA_DIR: dataDir }, firstNotices);
    const file = path.join(dataDir, 'session-secret');

    assert.equal(first.session.secretSource, 'data-directory');
    assert.equal(first.session.secrets.length, 1);
    assert.ok(first.session.secrets[0].length >= 32);
    assert.equal(fs.readFileSync(file, 'utf8').trim(), first.session.secrets[0]);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.equal(firstNotices.length, 1);
    assert.equal(firstNotices[0].level, 'warn');
    assert.match(firstNotices[0].message, /SESSION_SECRET is not set; generated one into/);
    assert.ok(firstNotices[0].message.includes(file));

    const secondNotices: ConfigNotice[] = [];
    const second = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir }, secondNotices);
    assert.deepEqual(second.session.secrets, first.session.secrets);
    assert.match(secondNotices[0].message, /using the one generated in/);
  });
});

describe('loadConfig refuses bad values with one clear message', () => {
  const cases: Array<[string, Env, RegExp]> = [
    ['PORT not a number', { PORT: 'http' }, /PORT must be a whole number from 1 to 65535; got "http"/],
    ['PORT out of range', { PORT: '70000' }, /PORT must be a whole number from 1 to 65535; got "70000"/],
    [
      'TRUST_PROXY unknown',
      { TRUST_PROXY: 'maybe' },
      /TRUST_PROXY must be false, true, loopback, or .*"maybe" is none of these/,
    ],
    ['TRUST_PROXY bad prefix', { TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY .*"10\.0\.0\.0\/33"/],
    ['COOKIE_SECURE', { COOKIE_SECURE: 'yes' }, /COOKIE_SECURE must be auto, true or false/],
    [
      'DATABASE_PREPARED_STATEMENTS',
      { DATABASE_PREPARED_STATEMENTS: 'off' },
      /DATABASE_PREPARED_STATEMENTS must be true or false/,
    ],
    [
      'SESSION_TTL unreadable',
      { SESSION_TTL: 'forever' },
      /SESSION_TTL must be a duration such as 900, 15m, 12h or 7d .*got "forever"/,
    ],
    [
      'SESSION_TTL too short',
      { SESSION_TTL: '10s' },
      /SESSION_TTL must be a duration .*at least 300 seconds.*got "10s"/,
    ],
    [
      'BASE_PATH without leading slash',
      { BASE_PATH: 'it-assets' },
      /BASE_PATH must be empty or a path such as \/it-assets-manager/,
    ],
    ['BASE_PATH with a space', { BASE_PATH: '/it assets' }, /BASE_PATH must be empty or a path/],
    [
      'DATABASE_URL of another kind',
      { DATABASE_URL: 'mysql://localhost/itam' },
      /DATABASE_URL must start with postgres:\/\//,
    ],
    [
      'DATABASE_URL with a password that is not percent-encoded',
      { DATABASE_URL: 'postgres://bob:Sec%retPW@127.0.0.1:5432/itam' },
      /^(?!.*Sec%ret).*DATABASE_URL is not a valid URL: percent-encode special characters/,
    ],
    [
      'DATABASE_URL with a slash in the password',
      { DATABASE_URL: 'postgres://bob:a/b@127.0.0.1:5432/itam' },
      /DATABASE_URL is not a valid URL/,
    ],
    ['NODE_ENV unknown', { NODE_ENV: 'staging' }, /NODE_ENV must be development, production or test; got "staging"/],
  ];
  for (const [name, env, expected] of cases) {
    test(name, () => {
      assert.match(refusal({ SESSION_SECRET: secret, ...env }), expected);
    });
  }

  test('several bad values are reported together in one sentence', () => {
    const message = refusal({ SESSION_SECRET: secret, PORT: 'x', COOKIE_SECURE: 'maybe' });
    assert.match(message, /PORT must be .*; COOKIE_SECURE must be/);
    assert.equal(message.split('\n').length, 1);
  });

  test('BCRYPT_COST below 10 is refused in production, allowed for development and tests', () => {
    assert.match(
      refusal({ NODE_ENV: 'production', SESSION_SECRET: secret, BCRYPT_COST: '9' }),
      /BCRYPT_COST must be at least 10 in production; got 9/,
    );
    assert.equal(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: secret, BCRYPT_COST: '10' }).bcryptCost, 10);
    assert.equal(loadConfig({ NODE_ENV: 'test', SESSION_SECRET: secret, BCRYPT_COST: '4' }).bcryptCost, 4);
  });
});

describe('parseDurationSeconds', () => {
  test('reads plain seconds and s/m/h/d units; anything else is null', () => {
    assert.equal(parseDurationSeconds('900'), 900);
    assert.equal(parseDurationSeconds('90s'), 90);
    assert.equal(parseDurationSeconds('15m'), 900);
    assert.equal(parseDurationSeconds('12H'), 43200);
    assert.equal(parseDurationSeconds('7d'), 604800);
    for (const bad of ['', '1.5h', '-5', '15 minutes', '1w', 'h']) assert.equal(parseDurationSeconds(bad), null, bad);
  });
});
