import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isConnectionFailure, isUniqueViolation } from '../../lib/db/errors';

test('connection failures are told apart from query errors, also when wrapped', () => {
  assert.equal(
    isConnectionFailure(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    true,
  );
  assert.equal(
    isConnectionFailure(
      new Error('Failed query', { cause: Object.assign(new Error('terminating connection'), { code: '57P01' }) }),
    ),
    true,
  );
  assert.equal(isConnectionFailure(Object.assign(new Error('connection failure'), { code: '08006' })), true);
  assert.equal(isConnectionFailure(Object.assign(new Error('duplicate key'), { code: '23505' })), false);
  assert.equal(isConnectionFailure(new Error('plain')), false);
  assert.equal(
    isUniqueViolation(new Error('Failed query', { cause: Object.assign(new Error('dup'), { code: '23505' }) })),
    true,
  );
});
