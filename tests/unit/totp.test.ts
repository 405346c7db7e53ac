import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { openSecret, sealSecret } from '../../lib/crypto/secret-box';
import { hashRecoveryCode, newRecoveryCode, normalizeRecoveryCode } from '../../lib/auth/recovery-codes';
import { sealChallenge, sealClaim, unsealChallenge, unsealClaim } from '../../lib/auth/session-seal';
import { acceptedStep, newTotpSecret, totpCodeAt, totpUri } from '../../lib/auth/totp';

// Authenticator codes, recovery codes and the secret box, without a database.

const secret = newTotpSecret();
const period = 30_000;
// The middle of a step, so ±1 step never straddles a boundary by accident.
const now = Math.floor(Date.now() / period) * period + period / 2;
const stepOf = (timestamp: number) => Math.floor(timestamp / period);

describe('authenticator codes', () => {
  test('a new secret is 160 bits of base32, and the address names the issuer and the user', () => {
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.notEqual(newTotpSecret(), secret);
    const uri = totpUri(secret, 'alice');
    assert.match(uri, /^otpauth:\/\/totp\/IT%20Assets%20Manager:alice\?/);
    assert.match(uri, new RegExp(`secret=${secret}`));
    assert.match(uri, /period=30/);
  });

  test('the current code, and the codes one step before and after, are accepted with their own step', () => {
    assert.equal(acceptedStep(secret, totpCodeAt(secret, now), null, now), stepOf(now));
    assert.equal(acceptedStep(secret, totpCodeAt(secret, now - period), null, now), stepOf(now) - 1);
    assert.equal(acceptedStep(secret, totpCodeAt(secret, now + period), null, now), stepOf(now) + 1);
  });

  test("codes two steps away, another secret's code and malformed input are refused", () => {
    assert.equal(acceptedStep(secret, totpCodeAt(secret, now - 2 * period), null, now), null);
    assert.equal(acceptedStep(secret, totpCodeAt(secret, now + 2 * period), null, now), null);
    assert.equal(acceptedStep(secret, totpCodeAt(newTotpSecret(), now), null, now), null);
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 34 5x'])
      assert.equal(acceptedStep(secret, bad, null, now), null);
  });

  test('a code typed with spaces is read as its digits', () => {
    const code = totpCodeAt(secret, now);
    assert.equal(acceptedStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, null, now), stepOf(now));
  });

  test('a code is refused again once its step was used, and so is any earlier step', () => {
    const code = totpCodeAt(secret, now);
    const step = acceptedStep(secret, code, null, now);
    assert.equal(step, stepOf(now));
    assert.equal(acceptedStep(secret, code, step, now), null, 'the same code again');
    assert.equal(acceptedStep(secret, totpCodeAt(secret, now - period), step, now), null, 'an older code');
    assert.equal(acceptedStep(secret, totpCodeAt(secret, now + period), step, now), stepOf(now) + 1, 'the next one');
  });
});

describe('recovery codes', () => {
  test('ten fresh codes are distinct, 16 base32 characters in groups of four', () => {
    const codes = Array.from({ length: 10 }, newRecoveryCode);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
  });

  test('case, spaces and dashes do not matter; the stored hash is SHA-256 of the plain code', () => {
    const code = newRecoveryCode();
    const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
    assert.equal(normalizeRecoveryCode(typed), code.replaceAll('-', ''));
    assert.match(hashRecoveryCode(normalizeRecoveryCode(code)!), /^[0-9a-f]{64}$/);
    assert.equal(normalizeRecoveryCode('123456'), null);
    assert.equal(normalizeRecoveryCode('AAAA-AAAA-AAAA-AAA1'), null);
  });
});

describe('the secret box (TOTP secrets at rest)', () => {
  const oldSecret = 'old-secret-'.padEnd(40, 'o');
  const newSecret = 'new-secret-'.padEnd(40, 'n');

  test('opens what it sealed; the sealed text does not contain the secret', () => {
    const sealed = sealSecret(secret, [newSecret]);
    assert.ok(!sealed.includes(secret));
    assert.notEqual(sealSecret(secret, [newSecret]), sealed, 'a fresh IV each time');
    assert.equal(openSecret(sealed, [newSecret]), secret);
  });

  test('a value sealed before a rotation opens while the old secret is listed, and not after', () => {
    const sealed = sealSecret(secret, [oldSecret]);
    assert.equal(openSecret(sealed, [newSecret, oldSecret]), secret);
    assert.equal(openSecret(sealed, [newSecret]), null);
  });

  test('an altered value opens as nothing', () => {
    const sealed = sealSecret(secret, [newSecret]);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('X'.repeat(32)).toString('base64url');
    assert.equal(openSecret(parts.join('.'), [newSecret]), null);
    assert.equal(openSecret('garbage', [newSecret]), null);
  });
});

describe('the sign-in challenge seal', () => {
  const key = 'challenge-secret-'.padEnd(40, 'c');
  const challenge = () => ({
    uid: randomUUID(),
    nonce: 'n'.repeat(22),
    remember: false,
    exp: Math.floor(Date.now() / 1000) + 300,
  });

  test('round trip; an expired challenge is nothing', async () => {
    const input = challenge();
    assert.deepEqual(await unsealChallenge(await sealChallenge(input, [key]), [key]), input);
    const shortLived = await sealChallenge({ ...challenge(), exp: Math.floor(Date.now() / 1000) + 1 }, [key]);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    assert.equal(await unsealChallenge(shortLived, [key]), null);
    assert.equal(await unsealChallenge('Fe26.2*garbage', [key]), null);
  });

  test('a challenge never opens as a session, nor a session as a challenge', async () => {
    const sealedChallenge = await sealChallenge(challenge(), [key]);
    assert.equal(await unsealClaim(sealedChallenge, [key]), null);
    const sealedSession = await sealClaim(
      { sid: 'a'.repeat(22), uid: randomUUID(), exp: Math.floor(Date.now() / 1000) + 300, persistent: false },
      [key],
    );
    assert.equal(await unsealChallenge(sealedSession, [key]), null);
  });
});
