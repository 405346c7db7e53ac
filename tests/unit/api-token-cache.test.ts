import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isKnownTokenAddress, rememberTokenAddress } from '../../lib/auth/api-token-cache';

describe('the addresses a token is known to have been used from', () => {
  test('are remembered per token', () => {
    rememberTokenAddress('token-a', '192.0.2.1');
    rememberTokenAddress('token-a', '192.0.2.2');
    assert.ok(isKnownTokenAddress('token-a', '192.0.2.1'));
    assert.ok(isKnownTokenAddress('token-a', '192.0.2.2'));
    assert.equal(isKnownTokenAddress('token-a', '192.0.2.3'), false);
    assert.equal(isKnownTokenAddress('token-b', '192.0.2.1'), false);
  });

  test('a token used from very many addresses starts afresh: the newest is known, the oldest asks the database again', () => {
    for (let index = 0; index < 101; index++) rememberTokenAddress('token-c', `198.51.100.${index}`);
    assert.ok(isKnownTokenAddress('token-c', '198.51.100.100'));
    assert.equal(isKnownTokenAddress('token-c', '198.51.100.0'), false);
  });
});
