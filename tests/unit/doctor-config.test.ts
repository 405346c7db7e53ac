import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { checkConfiguration } from '../../lib/doctor/config-checks';
import type { CheckResult } from '../../lib/doctor/report';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-doctor-'));
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const secret = 'x'.repeat(40);
const base = { NODE_ENV: 'production', SESSION_SECRET: secret, DATA_DIR: dataDir, BASE_PATH: '/it-assets-manager' };

const find = (results: CheckResult[], name: string) => results.find((result) => result.name === name);

test('a production configuration that matches its build and public URL has no failures', async () => {
  const results = await checkConfiguration(
    { ...base, PUBLIC_URL: 'https://it.example.com/it-assets-manager', TRUST_PROXY: 'loopback' },
    '/it-assets-manager',
  );
  assert.deepEqual(
    results.filter((result) => result.status === 'fail'),
    [],
  );
  assert.equal(find(results, 'BASE_PATH')?.status, 'pass');
});

test('an unparsable configuration fails with the same sentence the app would print', async () => {
  const [result] = await checkConfiguration({ NODE_ENV: 'production', DATA_DIR: dataDir }, null);
  assert.equal(result.status, 'fail');
  assert.match(result.message, /SESSION_SECRET is required in production/);
});

test('HTTPS behind a proxy without TRUST_PROXY: the cookie would never be Secure', async () => {
  const results = await checkConfiguration(
    { ...base, PUBLIC_URL: 'https://it.example.com/it-assets-manager' },
    '/it-assets-manager',
  );
  assert.equal(find(results, 'TRUST_PROXY')?.status, 'fail');
  assert.match(find(results, 'TRUST_PROXY')!.diagnosis!, /X-Forwarded-Proto/);
});

test('COOKIE_SECURE=true on a plain-HTTP site, a build for another base path, a path that differs from PUBLIC_URL', async () => {
  const results = await checkConfiguration(
    { ...base, COOKIE_SECURE: 'true', PUBLIC_URL: 'http://it.example.com/assets' },
    '/other',
  );
  assert.equal(find(results, 'COOKIE_SECURE')?.status, 'fail');
  assert.match(
    find(results, 'BASE_PATH')!.message,
    /the build serves "\/other" but BASE_PATH is "\/it-assets-manager"/,
  );
  assert.equal(find(results, 'PUBLIC_URL')?.status, 'fail');
});

test('the embedded database with several PM2 instances is refused; an unreachable PostgreSQL is reported', async () => {
  const embedded = await checkConfiguration({ ...base, PM2_INSTANCES: '2' }, '/it-assets-manager');
  assert.equal(find(embedded, 'database')?.status, 'fail');
  const unreachable = await checkConfiguration(
    { ...base, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    '/it-assets-manager',
  );
  assert.equal(find(unreachable, 'database')?.status, 'fail');
  assert.match(find(unreachable, 'database')!.diagnosis!, /DATABASE_URL/);
});
