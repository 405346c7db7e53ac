import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheSession, forgetCachedSessions, readCachedSession, sharedSessionUser } from '../../lib/auth/session-cache';
import type { ValidSession } from '../../lib/auth/session-store';

const checked: ValidSession = {
  session: { id: 's1', persistent: false, createdAt: new Date(), expiresAt: new Date(Date.now() + 3_600_000) },
  user: { id: 'u1', username: 'walt', displayName: 'Walt', email: null, role: 'agent' } as ValidSession['user'],
};

test('a cached check is trusted for the bound counted from when the check began, not when it answered', () => {
  forgetCachedSessions('all');
  const maxAgeMs = 2000;
  // A check that began 1.5 s ago (a slow database) has 0.5 s of trust left.
  cacheSession('slow-check', checked, maxAgeMs, Date.now() - 1500);
  assert.deepEqual(readCachedSession('slow-check', maxAgeMs), checked);
  cacheSession('too-old', checked, maxAgeMs, Date.now() - 2000);
  assert.equal(readCachedSession('too-old', maxAgeMs), null);
});

test('with a bound of zero nothing is cached', () => {
  forgetCachedSessions('all');
  cacheSession('any', checked, 0, Date.now());
  assert.equal(readCachedSession('any', 2000), null);
});

test("checks of one user's sessions share one user object while the user's details are unchanged", () => {
  const first = sharedSessionUser({ id: 'u-shared', username: 'ana', displayName: 'Ana', email: 'ana@example.test', role: 'agent' });
  const again = sharedSessionUser({ id: 'u-shared', username: 'ana', displayName: 'Ana', email: 'ana@example.test', role: 'agent' });
  assert.equal(again, first);
  const other = sharedSessionUser({ id: 'u-other', username: 'ana', displayName: 'Ana', email: 'ana@example.test', role: 'agent' });
  assert.notEqual(other, first);
  assert.throws(() => Object.assign(first, { role: 'admin' }), TypeError);
});

test('a user whose details changed gets the new details at the next check, never the shared old ones', () => {
  const before = sharedSessionUser({ id: 'u-changing', username: 'bo', displayName: 'Bo', email: null, role: 'agent' });
  for (const changed of [
    { id: 'u-changing', username: 'bo2', displayName: 'Bo', email: null, role: 'agent' },
    { id: 'u-changing', username: 'bo2', displayName: 'Bo Berg', email: null, role: 'agent' },
    { id: 'u-changing', username: 'bo2', displayName: 'Bo Berg', email: 'bo@example.test', role: 'agent' },
    { id: 'u-changing', username: 'bo2', displayName: 'Bo Berg', email: 'bo@example.test', role: 'requester' },
  ] as const) {
    const after = sharedSessionUser({ ...changed });
    assert.notEqual(after, before);
    assert.deepEqual(after, changed);
    assert.equal(sharedSessionUser({ ...changed }), after);
  }
});
