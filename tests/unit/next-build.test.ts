import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildEnvironment } from '../../server/next-build';

test('builds send no telemetry unless the operator chose otherwise', () => {
  const saved = process.env.NEXT_TELEMETRY_DISABLED;
  try {
    delete process.env.NEXT_TELEMETRY_DISABLED;
    assert.equal(buildEnvironment({ basePath: '' }).NEXT_TELEMETRY_DISABLED, '1');
    process.env.NEXT_TELEMETRY_DISABLED = '0';
    assert.equal(buildEnvironment({ basePath: '' }).NEXT_TELEMETRY_DISABLED, '0');
  } finally {
    if (saved === undefined) delete process.env.NEXT_TELEMETRY_DISABLED;
    else process.env.NEXT_TELEMETRY_DISABLED = saved;
  }
});

test('a production build for the base path, into the folder asked for', () => {
  const env = buildEnvironment({ basePath: '/it-assets-manager', distDir: '.next-e2e' });
  assert.equal(env.NODE_ENV, 'production');
  assert.equal(env.BASE_PATH, '/it-assets-manager');
  assert.equal(env.NEXT_DIST_DIR, '.next-e2e');
});
