import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createProbeVerdict, slowProbesBeforeOutage } from '../../lib/db/probe-verdict';

const refused = {
  ok: false as const,
  error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
};
const slow = { ok: false as const, error: new Error('no answer within 1500 ms') };

test('a refused connection is an outage at once; only an answer ends it', () => {
  const verdict = createProbeVerdict();
  assert.equal(verdict(refused), false);
  assert.equal(verdict(slow), false);
  assert.equal(verdict({ ok: true }), true);
});

test('one slow probe on a busy machine keeps the service up; slow probes in a row are an outage', () => {
  const verdict = createProbeVerdict();
  assert.equal(slowProbesBeforeOutage, 2);
  assert.equal(verdict(slow), true);
  assert.equal(verdict(slow), false);
  assert.equal(verdict({ ok: true }), true);
  // The count starts again after an answer.
  assert.equal(verdict(slow), true);
});
