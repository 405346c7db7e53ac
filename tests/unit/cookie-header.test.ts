import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cookieValues, serializeSetCookie } from '../../lib/http/cookie-header';

describe('cookieValues', () => {
  const name = 'ticketing_session';
  test('every value sent under the name, in order, and nothing from other cookies', () => {
    assert.deepEqual(cookieValues(`${name}=a`, name), ['a']);
    assert.deepEqual(cookieValues(`x=1; ${name}=a; y=2`, name), ['a']);
    assert.deepEqual(cookieValues(`${name}=a;${name}=b`, name), ['a', 'b']);
    assert.deepEqual(cookieValues(`other_${name}=b; x${name}=c; y=${name}=d; ${name}=a`, name), ['a']);
    assert.deepEqual(cookieValues(`${name}=`, name), ['']);
  });

  test('no header, no such cookie, a bare name: nothing', () => {
    for (const header of [undefined, null, '', 'x=1', name]) assert.deepEqual(cookieValues(header, name), []);
  });

  test('percent-encoded values are decoded; broken encoding is skipped, not thrown', () => {
    assert.deepEqual(cookieValues(`${name}=Fe26.2%2A1; ${name}=%E0%A4%A; ${name}=b`, name), ['Fe26.2*1', 'b']);
  });
});

describe('serializeSetCookie', () => {
  test('the attributes in the order and form Next.js writes them', () => {
    const now = Date.UTC(2026, 10, 23, 12, 0, 0);
    assert.equal(
      serializeSetCookie('s', 'a b', { httpOnly: true, sameSite: 'lax', path: '/it', secure: true, maxAge: 60 }, now),
      's=a%20b; Path=/it; Expires=Mon, 23 Nov 2026 12:01:00 GMT; Max-Age=60; Secure; HttpOnly; SameSite=lax',
    );
    assert.equal(serializeSetCookie('s', '', { httpOnly: true, sameSite: 'lax', path: '/', secure: false, maxAge: 0 }), 's=; Path=/; Max-Age=0; HttpOnly; SameSite=lax');
    assert.equal(serializeSetCookie('s', 'v', { httpOnly: true, sameSite: 'lax', path: '/', secure: false }), 's=v; Path=/; HttpOnly; SameSite=lax');
  });
});
