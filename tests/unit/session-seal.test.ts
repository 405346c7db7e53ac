import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sealData, unsealData } from 'iron-session';
import { nowSeconds as now, testClaim as claim } from '../support/session-claims';
import { sealClaim, unsealClaim } from '../../lib/auth/session-seal';

// The seal alone: what the cookie carries, and which seals are "not signed in". Reading the seal
// out of a Cookie header, and the cookie's attributes, are in session-cookie.test.ts.

const oldSecret = 'old-secret-'.padEnd(40, 'o');
const newSecret = 'new-secret-'.padEnd(40, 'n');

describe('sealing and unsealing the session claim', () => {
  test('round trip returns the ids, the expiry, "remember me" and the seal time', async () => {
    const input = claim({ persistent: true });
    const value = await sealClaim(input, [newSecret]);
    assert.match(value, /^Fe26\.2\*/);
    const unsealed = await unsealClaim(value, [newSecret]);
    assert.ok(unsealed);
    assert.equal(unsealed.claim.sid, input.sid);
    assert.equal(unsealed.claim.uid, input.uid);
    assert.equal(unsealed.claim.exp, input.exp);
    assert.equal(unsealed.claim.persistent, true);
    assert.ok(Math.abs(unsealed.claim.iat - now()) <= 2);
    assert.equal(unsealed.sealedWithNewest, true);
    assert.deepEqual(Object.keys(unsealed).sort(), ['claim', 'sealedWithNewest']);
  });

  test('the sealed data holds only sid, uid, iat, exp and persistent: no role, no user data', async () => {
    const value = await sealClaim(claim(), [newSecret]);
    const passwordId = value.split('*')[1];
    const raw = await unsealData<Record<string, unknown>>(value, { password: { [passwordId]: newSecret } });
    assert.deepEqual(Object.keys(raw).sort(), ['exp', 'iat', 'persistent', 'sid', 'uid']);
    // A seal that carries more (made by an older or foreign version) hands back the five fields only.
    const padded = await sealData(
      { ...claim(), iat: now(), role: 'admin', username: 'root' },
      { password: { [passwordId]: newSecret } },
    );
    const unsealed = await unsealClaim(padded, [newSecret]);
    assert.ok(unsealed);
    assert.deepEqual(Object.keys(unsealed.claim).sort(), ['exp', 'iat', 'persistent', 'sid', 'uid']);
  });

  test("the seal itself expires with the session, not after iron-session's default 14 days", async () => {
    const exp = now() + 3600;
    const value = await sealClaim(claim({ exp }), [newSecret]);
    const sealExpiresMs = Number(value.split('*')[5]);
    assert.ok(
      Math.abs(sealExpiresMs - exp * 1000) < 5000,
      `seal expires at ${sealExpiresMs}, session at ${exp * 1000}`,
    );
  });

  test('an expired session claim is "not signed in"', async () => {
    const value = await sealClaim(claim({ exp: now() - 10 }), [newSecret]);
    assert.equal(await unsealClaim(value, [newSecret]), null);
  });

  test('a seal that verified once is still refused after it expires, and under another list of secrets', async () => {
    const cookie = await sealClaim(claim({ exp: now() + 1 }), [newSecret]);
    assert.ok(await unsealClaim(cookie, [newSecret]));
    assert.equal(await unsealClaim(cookie, [oldSecret]), null);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal(await unsealClaim(cookie, [newSecret]), null);
  });
});

describe('malformed seals are "not signed in", never an exception', () => {
  test('tampered, truncated, wrong-secret, garbage, empty and huge values all give null', async () => {
    const value = await sealClaim(claim(), [newSecret]);
    const middle = Math.floor(value.length / 2);
    const flipped = value.slice(0, middle) + (value[middle] === 'A' ? 'B' : 'A') + value.slice(middle + 1);
    const parts = value.split('*');
    const forgedExpiry = [...parts.slice(0, 5), String(Date.now() + 10 ** 10), ...parts.slice(6)].join('*');
    const candidates: Record<string, string> = {
      tampered: flipped,
      'forged seal expiry': forgedExpiry,
      truncated: value.slice(0, -10),
      'cut in half': value.slice(0, middle),
      'wrong secret': await sealClaim(claim(), ['w'.repeat(32)]),
      garbage: 'not-a-cookie',
      'garbage with the iron prefix': 'Fe26.2*1*x*y*z*w*v*u~2',
      'iron prefix only': 'Fe26.2*',
      'non-numeric expiry': parts
        .slice(0, 5)
        .concat('soon', ...parts.slice(6))
        .join('*'),
      empty: '',
      huge: value + 'A'.repeat(5000),
    };
    for (const [name, candidate] of Object.entries(candidates)) {
      assert.equal(await unsealClaim(candidate, [newSecret]), null, name);
    }
  });

  test('a validly sealed value that is not our claim gives null', async () => {
    const value = await sealClaim(claim(), [newSecret]);
    const passwordId = value.split('*')[1];
    const foreign = await sealData(
      { sid: '../../etc', uid: 'admin', role: 'admin' },
      { password: { [passwordId]: newSecret } },
    );
    assert.equal(await unsealClaim(foreign, [newSecret]), null);
  });

  test('no secrets at all unseal nothing', async () => {
    assert.equal(await unsealClaim(await sealClaim(claim(), [newSecret]), []), null);
  });
});

describe('secret rotation', () => {
  test('a claim sealed with the old secret still unseals after a new secret is put first, marked for re-sealing', async () => {
    const input = claim();
    const oldCookie = await sealClaim(input, [oldSecret]);
    const unsealed = await unsealClaim(oldCookie, [newSecret, oldSecret]);
    assert.ok(unsealed);
    assert.equal(unsealed.claim.sid, input.sid);
    assert.equal(unsealed.claim.uid, input.uid);
    assert.equal(unsealed.sealedWithNewest, false);
  });

  test('new seals use the newest secret', async () => {
    const newCookie = await sealClaim(claim(), [newSecret, oldSecret]);
    assert.equal((await unsealClaim(newCookie, [newSecret, oldSecret]))?.sealedWithNewest, true);
    assert.equal((await unsealClaim(newCookie, [newSecret]))?.sealedWithNewest, true);
    assert.equal(await unsealClaim(newCookie, [oldSecret]), null);
  });

  test('once the old secret is dropped from the list, its seals are refused', async () => {
    const oldCookie = await sealClaim(claim(), [oldSecret]);
    assert.equal(await unsealClaim(oldCookie, [newSecret]), null);
  });

  test('adding or reordering secrets never makes a still-listed secret unreadable', async () => {
    const third = 'third-secret-'.padEnd(40, 't');
    const oldCookie = await sealClaim(claim(), [oldSecret]);
    assert.equal((await unsealClaim(oldCookie, [third, newSecret, oldSecret]))?.sealedWithNewest, false);
    assert.equal((await unsealClaim(oldCookie, [newSecret, third, oldSecret]))?.sealedWithNewest, false);
    assert.equal((await unsealClaim(oldCookie, [oldSecret, newSecret]))?.sealedWithNewest, true);
  });
});
