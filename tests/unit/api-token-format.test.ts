import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { claimSize, secondsToNextWindow } from '../../lib/auth/api-rate-limit';
import {
  apiTokenPrefixOf,
  bearerTokenOf,
  hashApiToken,
  isApiTokenText,
  newApiTokenText,
  usualAuthorization,
} from '../../lib/auth/api-token-format';

describe('API token text', () => {
  test('starts with iam_pat_, a 12-hex public id and 43 base64url characters of secret', () => {
    const { token, prefix } = newApiTokenText();
    assert.match(token, /^iam_pat_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    assert.match(prefix, /^iam_pat_[0-9a-f]{12}$/);
    assert.ok(token.startsWith(`${prefix}_`));
    assert.equal(apiTokenPrefixOf(token), prefix);
    assert.ok(isApiTokenText(token));
  });

  test('is stored as the SHA-256 of the whole token, in hex, and never as itself', () => {
    const { token, hash } = newApiTokenText();
    assert.equal(hash, createHash('sha256').update(token).digest('hex'));
    assert.equal(hashApiToken(token), hash);
    assert.ok(!hash.includes(token.slice(21)));
  });

  test('two tokens never share a secret or a public id', () => {
    const made = Array.from({ length: 200 }, () => newApiTokenText());
    assert.equal(new Set(made.map((entry) => entry.token)).size, 200);
    assert.equal(new Set(made.map((entry) => entry.prefix)).size, 200);
  });

  test('text of another shape is not a token', () => {
    const { token } = newApiTokenText();
    for (const text of ['', token.slice(0, -1), `${token}x`, token.replace('iam_pat_', 'ghp_'), token.toUpperCase()])
      assert.equal(isApiTokenText(text), false, text);
  });
});

describe('the Authorization header', () => {
  const { token } = newApiTokenText();

  test('Bearer with a token gives the token, in any case and spacing of the scheme', () => {
    assert.equal(bearerTokenOf(`Bearer ${token}`), token);
    assert.equal(bearerTokenOf(`bearer  ${token} `), token);
  });

  test('no header, or another scheme, is no token at all (the cookie decides)', () => {
    assert.equal(bearerTokenOf(null), null);
    assert.equal(bearerTokenOf(''), null);
    assert.equal(bearerTokenOf('Basic dXNlcjpwYXNz'), null);
  });

  test('Bearer with anything that is not one of our tokens is present but empty (refused without a lookup)', () => {
    assert.equal(bearerTokenOf('Bearer '), '');
    assert.equal(bearerTokenOf('Bearer'), '');
    assert.equal(bearerTokenOf('Bearer not-a-token'), '');
    assert.equal(bearerTokenOf(`Bearer ${token} extra`), '');
  });

  test("a token's usual header, the key its check is remembered under, is the header a client sends and reads back as the token", () => {
    assert.equal(usualAuthorization(token), `Bearer ${token}`);
    assert.equal(bearerTokenOf(usualAuthorization(token)), token);
  });
});

describe('rate limit windows', () => {
  test('a process claims a fiftieth of the limit at once, at least 1', () => {
    assert.equal(claimSize(1), 1);
    assert.equal(claimSize(3), 1);
    assert.equal(claimSize(600), 12);
    assert.equal(claimSize(60_000), 1200);
  });

  test('Retry-After counts to the next minute, at least 1 second', () => {
    assert.equal(secondsToNextWindow(Date.UTC(2026, 11, 5, 12, 0, 0)), 60);
    assert.equal(secondsToNextWindow(Date.UTC(2026, 11, 5, 12, 0, 59, 500)), 1);
    assert.equal(secondsToNextWindow(Date.UTC(2026, 11, 5, 12, 0, 15, 200)), 45);
  });
});
