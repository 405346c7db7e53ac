import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { sealData, unsealData } from 'iron-session';
import { loadConfig } from '../../lib/config';
import {
  clearedCookieAttributes,
  sealSessionCookie,
  sessionCookieAttributes,
  rememberedSessionCookie,
  sessionCookieName,
  unsealSessionCookie,
  unsealSessionCookieHeader,
} from '../../lib/auth/session-cookie';

const oldSecret = 'old-secret-'.padEnd(40, 'o');
const newSecret = 'new-secret-'.padEnd(40, 'n');
const now = () => Math.floor(Date.now() / 1000);

function payload(overrides: { exp?: number; persistent?: boolean } = {}) {
  return {
    sid: randomBytes(16).toString('base64url'),
    uid: randomUUID(),
    exp: overrides.exp ?? now() + 3600,
    persistent: overrides.persistent ?? false,
  };
}

describe('sealing and unsealing the session cookie', () => {
  test('round trip returns the ids, and the seal time', async () => {
    const input = payload({ persistent: true });
    const value = await sealSessionCookie(input, [newSecret]);
    assert.match(value, /^Fe26\.2\*/);
    const unsealed = await unsealSessionCookie(value, [newSecret]);
    assert.ok(unsealed);
    assert.equal(unsealed.payload.sid, input.sid);
    assert.equal(unsealed.payload.uid, input.uid);
    assert.equal(unsealed.payload.exp, input.exp);
    assert.equal(unsealed.payload.persistent, true);
    assert.ok(Math.abs(unsealed.payload.iat - now()) <= 2);
    assert.equal(unsealed.sealedWithCurrentSecret, true);
    assert.equal(sessionCookieName, 'ticketing_session');
  });

  test('the sealed data holds only sid, uid, iat, exp and persistent: no role, no user data', async () => {
    const value = await sealSessionCookie(payload(), [newSecret]);
    const passwordId = value.split('*')[1];
    const raw = await unsealData<Record<string, unknown>>(value, { password: { [passwordId]: newSecret } });
    assert.deepEqual(Object.keys(raw).sort(), ['exp', 'iat', 'persistent', 'sid', 'uid']);
  });

  test('the seal itself expires with the session, not after iron-session\'s default 14 days', async () => {
    const exp = now() + 3600;
    const value = await sealSessionCookie(payload({ exp }), [newSecret]);
    const sealExpiresMs = Number(value.split('*')[5]);
    assert.ok(Math.abs(sealExpiresMs - exp * 1000) < 5000, `seal expires at ${sealExpiresMs}, session at ${exp * 1000}`);
  });

  test('an expired session cookie is "not logged in"', async () => {
    const value = await sealSessionCookie(payload({ exp: now() - 10 }), [newSecret]);
    assert.equal(await unsealSessionCookie(value, [newSecret]), null);
  });
});

describe('malformed cookies are "not logged in", never an exception', () => {
  test('tampered, truncated, wrong-secret, garbage, empty and huge values all give null', async () => {
    const value = await sealSessionCookie(payload(), [newSecret]);
    const middle = Math.floor(value.length / 2);
    const flipped = value.slice(0, middle) + (value[middle] === 'A' ? 'B' : 'A') + value.slice(middle + 1);
    const parts = value.split('*');
    const forgedExpiry = [...parts.slice(0, 5), String(Date.now() + 10 ** 10), ...parts.slice(6)].join('*');
    const candidates: Record<string, string | undefined> = {
      tampered: flipped,
      'forged seal expiry': forgedExpiry,
      truncated: value.slice(0, -10),
      'cut in half': value.slice(0, middle),
      'wrong secret': await sealSessionCookie(payload(), ['w'.repeat(32)]),
      garbage: 'not-a-cookie',
      'garbage with the iron prefix': 'Fe26.2*1*x*y*z*w*v*u~2',
      'iron prefix only': 'Fe26.2*',
      'non-numeric expiry': parts.slice(0, 5).concat('soon', ...parts.slice(6)).join('*'),
      empty: '',
      absent: undefined,
      huge: value + 'A'.repeat(5000),
    };
    for (const [name, candidate] of Object.entries(candidates)) {
      assert.equal(await unsealSessionCookie(candidate, [newSecret]), null, name);
    }
  });

  test('a validly sealed value that is not our payload gives null', async () => {
    const value = await sealSessionCookie(payload(), [newSecret]);
    const passwordId = value.split('*')[1];
    const foreign = await sealData({ sid: '../../etc', uid: 'admin', role: 'admin' }, { password: { [passwordId]: newSecret } });
    assert.equal(await unsealSessionCookie(foreign, [newSecret]), null);
  });
});

describe('secret rotation', () => {
  test('a cookie sealed with the old secret still works after a new secret is put first', async () => {
    const input = payload();
    const oldCookie = await sealSessionCookie(input, [oldSecret]);
    const unsealed = await unsealSessionCookie(oldCookie, [newSecret, oldSecret]);
    assert.ok(unsealed);
    assert.equal(unsealed.payload.sid, input.sid);
    assert.equal(unsealed.sealedWithCurrentSecret, false);
  });

  test('new cookies are sealed with the newest secret', async () => {
    const newCookie = await sealSessionCookie(payload(), [newSecret, oldSecret]);
    const unsealed = await unsealSessionCookie(newCookie, [newSecret, oldSecret]);
    assert.equal(unsealed?.sealedWithCurrentSecret, true);
    assert.equal(await unsealSessionCookie(newCookie, [newSecret]).then((u) => u?.sealedWithCurrentSecret), true);
    assert.equal(await unsealSessionCookie(newCookie, [oldSecret]), null);
  });

  test('once the old secret is dropped from the list, its cookies are refused', async () => {
    const oldCookie = await sealSessionCookie(payload(), [oldSecret]);
    assert.equal(await unsealSessionCookie(oldCookie, [newSecret]), null);
  });
});

describe('cookie attributes', () => {
  const config = (env: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'test', SESSION_SECRET: newSecret, ...env });

  test('HttpOnly, SameSite=Lax, and Path "/" without a base path', () => {
    const attributes = sessionCookieAttributes(config(), { protocol: 'http', persistent: false });
    assert.deepEqual(attributes, { httpOnly: true, sameSite: 'lax', path: '/', secure: false });
  });

  test('Path is the base path when the app runs under one', () => {
    const attributes = sessionCookieAttributes(config({ BASE_PATH: '/it-assets' }), { protocol: 'https', persistent: false });
    assert.equal(attributes.path, '/it-assets');
    assert.equal(clearedCookieAttributes(config({ BASE_PATH: '/it-assets' }), 'https').path, '/it-assets');
  });

  test('Secure follows the request protocol under COOKIE_SECURE=auto, and can be forced either way', () => {
    const secure = (cookieSecure: string, protocol: string) =>
      sessionCookieAttributes(config({ COOKIE_SECURE: cookieSecure }), { protocol, persistent: false }).secure;
    assert.equal(secure('auto', 'https'), true);
    assert.equal(secure('auto', 'http'), false);
    assert.equal(secure('true', 'http'), true);
    assert.equal(secure('false', 'https'), false);
  });

  test('Max-Age only for "remember me": the remaining session lifetime', () => {
    const expiresAt = now() + 7 * 86400;
    const persistent = sessionCookieAttributes(config(), { protocol: 'https', persistent: true, expiresAt });
    assert.ok(persistent.maxAge !== undefined && Math.abs(persistent.maxAge - 7 * 86400) <= 2);
    const browserSession = sessionCookieAttributes(config(), { protocol: 'https', persistent: false, expiresAt });
    assert.equal('maxAge' in browserSession, false);
  });

  test('the cleared cookie expires at once with the same attributes', () => {
    assert.deepEqual(clearedCookieAttributes(config({ COOKIE_SECURE: 'true' }), 'http'), {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: true,
      maxAge: 0,
    });
  });
});

describe('remembered seals', () => {
  test('a seal verified once is still refused after it expires, and under another secret list', async () => {
    const shortLived = { ...payload(), exp: Math.floor(Date.now() / 1000) + 1 };
    const cookie = await sealSessionCookie(shortLived, [newSecret]);
    assert.ok(await unsealSessionCookie(cookie, [newSecret]));
    assert.equal(await unsealSessionCookie(cookie, [oldSecret]), null);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal(await unsealSessionCookie(cookie, [newSecret]), null);
  });
});

describe('several cookies of the same name (another app on the same host)', () => {
  const header = (...values: string[]) => ['theme=dark', ...values.map((value) => `${sessionCookieName}=${encodeURIComponent(value)}`)].join('; ');

  test('the first value that unseals is used, whatever its position; none that unseals gives null', async () => {
    const ours = payload();
    const cookie = await sealSessionCookie(ours, [newSecret]);
    const foreign = await sealSessionCookie(payload(), ['another-app-secret-'.padEnd(40, 'x')]);
    for (const values of [[cookie, foreign], [foreign, cookie], ['garbage', cookie]]) {
      assert.equal((await unsealSessionCookieHeader(header(...values), [newSecret]))?.payload.sid, ours.sid);
    }
    assert.equal(await unsealSessionCookieHeader(header(foreign, 'garbage'), [newSecret]), null);
    assert.equal(await unsealSessionCookieHeader(header(), [newSecret]), null);
    assert.equal(await unsealSessionCookieHeader(undefined, [newSecret]), null);
  });

  test('without waiting, a value seen before is answered from memory; an unseen one needs verifying', async () => {
    const fresh = await sealSessionCookie(payload(), [newSecret]);
    assert.equal(rememberedSessionCookie(header('garbage', fresh), [newSecret]), undefined);
    const verified = await unsealSessionCookieHeader(header('garbage', fresh), [newSecret]);
    assert.ok(verified);
    assert.equal(rememberedSessionCookie(header('garbage', fresh), [newSecret]), verified);
    // The same seal among other cookies is a header never seen, and still answered from memory.
    assert.equal(rememberedSessionCookie(`lang=en; ${header(fresh)}`, [newSecret]), verified);
    assert.equal(rememberedSessionCookie(header('garbage'), [newSecret]), null);
  });
});

describe('remembered Cookie headers', () => {
  test('a header answered before is refused once its seal expires', async () => {
    const shortLived = { ...payload(), exp: now() + 1 };
    const cookieHeader = `${sessionCookieName}=${await sealSessionCookie(shortLived, [newSecret])}`;
    assert.ok(await unsealSessionCookieHeader(cookieHeader, [newSecret]));
    assert.ok(rememberedSessionCookie(cookieHeader, [newSecret]));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal(rememberedSessionCookie(cookieHeader, [newSecret]), null);
    assert.equal(await unsealSessionCookieHeader(cookieHeader, [newSecret]), null);
  });

  test('a header that differs from a remembered one in one character is verified anew, and a tampered seal refused', async () => {
    const seal = await sealSessionCookie(payload(), [newSecret]);
    const cookieHeader = `${sessionCookieName}=${seal}`;
    assert.ok(await unsealSessionCookieHeader(cookieHeader, [newSecret]));
    const at = seal.indexOf('*', 10) + 3;
    const tampered = `${sessionCookieName}=${seal.slice(0, at)}${seal[at] === 'A' ? 'B' : 'A'}${seal.slice(at + 1)}`;
    assert.equal(rememberedSessionCookie(tampered, [newSecret]), undefined);
    assert.equal(await unsealSessionCookieHeader(tampered, [newSecret]), null);
  });

  test('a header remembered under one list of secrets is not answered under another', async () => {
    const cookieHeader = `${sessionCookieName}=${await sealSessionCookie(payload(), [newSecret])}`;
    assert.ok(await unsealSessionCookieHeader(cookieHeader, [newSecret]));
    assert.equal(rememberedSessionCookie(cookieHeader, [oldSecret]), undefined);
    assert.equal(await unsealSessionCookieHeader(cookieHeader, [oldSecret]), null);
  });
});
