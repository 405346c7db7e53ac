import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasBrokenEscape } from '../../server/broken-address';

describe('hasBrokenEscape', () => {
  test('a path whose escapes decode passes', () => {
    for (const path of ['/tickets', '/a/LBL%20002', '/a/100%25', '/kb/caf%C3%A9', '/a/%00', '/api/tickets/T-1'])
      assert.equal(hasBrokenEscape(path), false, path);
  });

  test('a "%" without two hex digits, or bytes that are not UTF-8, is broken', () => {
    for (const path of ['/locations/100%', '/a/%2', '/api/assets/%ZZ', '/a/%C3', '/assets/%E0%A4%A', '/a/%FF'])
      assert.equal(hasBrokenEscape(path), true, path);
  });
});
