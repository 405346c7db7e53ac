import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newUserSchema, passwordSchema, usernameSchema } from '../../lib/users/schemas';

const accepts = (password: string) => passwordSchema.safeParse(password).success;
const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

describe('password rules', () => {
  test('at least 8 characters', () => {
    assert.equal(accepts('1234567'), false);
    assert.equal(accepts('12345678'), true);
    assert.match(passwordSchema.safeParse('short').error?.issues[0].message ?? '', /at least 8 characters/);
  });

  test('at most 72 bytes, because bcrypt would silently ignore the rest', () => {
    assert.equal(accepts('a'.repeat(72)), true);
    assert.equal(accepts('a'.repeat(73)), false);
    assert.match(passwordSchema.safeParse('a'.repeat(73)).error?.issues[0].message ?? '', /at most 72 bytes/);
  });

  test('multi-byte characters count as the bytes they take', () => {
    const accented = 'é'.repeat(37); // 37 characters, 74 bytes
    assert.equal(byteLength(accented), 74);
    assert.equal(accepts(accented), false);
    assert.equal(accepts('é'.repeat(36)), true); // 72 bytes

    const emoji = '🔑'.repeat(19); // 76 bytes
    assert.equal(accepts(emoji), false);
    assert.equal(accepts('🔑'.repeat(18)), true); // 72 bytes
    assert.equal(accepts('a'.repeat(71) + 'é'), false); // 73 bytes
  });

  test('a new user needs a valid password too', () => {
    const base = { username: 'alice', role: 'agent' as const };
    assert.equal(newUserSchema.safeParse({ ...base, password: 'a'.repeat(73) }).success, false);
    assert.equal(newUserSchema.safeParse({ ...base, password: 'a'.repeat(8) }).success, true);
  });
});

describe('username rules', () => {
  test('letters, digits and . _ @ -, starting with a letter or digit; trimmed', () => {
    assert.equal(usernameSchema.parse('  jane.doe@it '), 'jane.doe@it');
    for (const bad of ['a', '-jane', 'jane doe', 'jane/../x', 'x'.repeat(65)])
      assert.equal(usernameSchema.safeParse(bad).success, false, bad);
  });
});
