import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { safeNextPath } from '../../lib/http/safe-next';

describe('safeNextPath: where to go after signing in', () => {
  test('anything that could leave the app falls back to "/"', () => {
    const outside = [
      'https://evil.example',
      'http://evil.example/sessions',
      '//evil.example',
      '//evil.example/path',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'data:text/html,hi',
      'sessions',
      '',
      '/\tevil',
      '/\nevil',
    ];
    for (const value of outside) assert.equal(safeNextPath(value), '/', JSON.stringify(value));
  });

  test('non-strings and absurdly long values fall back to "/"', () => {
    for (const value of [undefined, null, 42, ['/tickets'], { path: '/tickets' }])
      assert.equal(safeNextPath(value), '/');
    assert.equal(safeNextPath('/' + 'a'.repeat(3000)), '/');
  });

  test('a path inside the app is kept with its query and fragment', () => {
    assert.equal(safeNextPath('/sessions?x=1'), '/sessions?x=1');
    assert.equal(safeNextPath('/tickets/42#comments'), '/tickets/42#comments');
    assert.equal(safeNextPath('/'), '/');
  });

  test('dot segments that resolve to a protocol-relative "//host" fall back to "/", in every encoding', () => {
    const tricks = [
      '/.//evil.example',
      '/%2e//evil.example',
      '/%2E//evil.example',
      '/a/..//evil.example',
      '/./\\evil.example',
      '/.\\/evil.example',
      '/a/%2e%2e//evil.example/x?y=1',
    ];
    for (const value of tricks) {
      assert.equal(safeNextPath(value), '/', JSON.stringify(value));
      assert.equal(safeNextPath(value, '/it-assets'), '/', `${JSON.stringify(value)} under a base path`);
    }
    assert.equal(safeNextPath('/it-assets/.//evil.example', '/it-assets'), '/');
    // Encoded slashes stay a path on this site: the browser asks us for "/%2F%2Fevil.example".
    assert.equal(safeNextPath('/%2F%2Fevil.example'), '/%2F%2Fevil.example');
  });

  test('dot segments are resolved and cannot climb out of the app', () => {
    assert.equal(safeNextPath('/a/../../tickets'), '/tickets');
  });

  test('the base path is stripped, because redirects add it back', () => {
    assert.equal(safeNextPath('/it-assets/sessions?x=1', '/it-assets'), '/sessions?x=1');
    assert.equal(safeNextPath('/it-assets', '/it-assets'), '/');
    assert.equal(safeNextPath('/it-assets-other/page', '/it-assets'), '/it-assets-other/page');
  });

  test('the login and setup pages are not destinations (no loop back to the form)', () => {
    assert.equal(safeNextPath('/login'), '/');
    assert.equal(safeNextPath('/login?next=/x'), '/');
    assert.equal(safeNextPath('/it-assets/login', '/it-assets'), '/');
    assert.equal(safeNextPath('/setup'), '/');
  });
});
