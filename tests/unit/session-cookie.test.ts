import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../../lib/config';
import { resolveSession } from '../../lib/auth/session';
import {
  clearedSessionCookie,
  isSecureRequest,
  serializeSessionCookie,
  sessionCookie,
  sessionCookieName,
  sessionCookieValues,
  type SessionCookie,
} from '../../lib/auth/session-cookie';
import { nowSeconds as now, testClaim as claim } from '../support/session-claims';
import { sealClaim, unsealClaim } from '../../lib/auth/session-seal';
import { isDatabaseAvailable, setDatabaseAvailable } from '../../lib/db/availability';
import { cookieAttributes, parseSetCookie } from '../support/set-cookie';

// The session cookie: its name and attributes, how it is read from a Cookie header and written as a
// Set-Cookie header, and what resolveSession makes of a Cookie header before asking the database.
// The database this process is configured with cannot be reached: everything here that succeeds
// did so without it.

const oldSecret = 'old-secret-'.padEnd(40, 'o');
const newSecret = 'new-secret-'.padEnd(40, 'n');
const foreignSecret = 'another-app-secret-'.padEnd(40, 'x');
Object.assign(process.env, {
  NODE_ENV: 'test',
  SESSION_SECRET: `${newSecret},${oldSecret}`,
  // Nothing listens on port 1: a query would fail with ECONNREFUSED.
  DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/unreachable',
  COOKIE_SECURE: 'auto',
  BASE_PATH: '',
});

describe('the cookie name', () => {
  test('is ticketing_session', () => {
    assert.equal(sessionCookieName, 'ticketing_session');
  });
});

describe('sessionCookieValues: every value of ours in a Cookie header', () => {
  const name = sessionCookieName;
  test('every value sent under the name, in order, and nothing from other cookies', () => {
    assert.deepEqual(sessionCookieValues(`${name}=a`), ['a']);
    assert.deepEqual(sessionCookieValues(`x=1; ${name}=a; y=2`), ['a']);
    assert.deepEqual(sessionCookieValues(`${name}=a;${name}=b`), ['a', 'b']);
    assert.deepEqual(sessionCookieValues(`other_${name}=b; x${name}=c; y=${name}=d; ${name}=a`), ['a']);
    assert.deepEqual(sessionCookieValues(`${name}=`), ['']);
  });

  test('no header, no such cookie, a bare name: nothing', () => {
    for (const header of [undefined, null, '', 'x=1', name]) assert.deepEqual(sessionCookieValues(header), []);
  });

  test('percent-encoded values are decoded; broken encoding is skipped, not thrown', () => {
    assert.deepEqual(sessionCookieValues(`${name}=Fe26.2%2A1; ${name}=%E0%A4%A; ${name}=b`), ['Fe26.2*1', 'b']);
  });
});

describe('cookie attributes', () => {
  const config = (env: Record<string, string> = {}) =>
    loadConfig({ NODE_ENV: 'test', SESSION_SECRET: newSecret, ...env });
  const exp = () => now() + 7 * 86400;

  test('HttpOnly, SameSite=Lax, and Path "/" without a base path', () => {
    const cookie = sessionCookie(config(), 'http', 'sealed', false, exp());
    assert.equal(cookie.name, sessionCookieName);
    assert.equal(cookie.value, 'sealed');
    assert.deepEqual(cookie.options, { httpOnly: true, sameSite: 'lax', path: '/', secure: false });
  });

  test('Path is the base path when the app runs under one', () => {
    assert.equal(
      sessionCookie(config({ BASE_PATH: '/it-assets' }), 'https', 'sealed', false, exp()).options.path,
      '/it-assets',
    );
    assert.equal(clearedSessionCookie(config({ BASE_PATH: '/it-assets' }), 'https').options.path, '/it-assets');
  });

  test('Secure follows the request protocol under COOKIE_SECURE=auto, and can be forced either way', () => {
    const secure = (cookieSecure: string, protocol: string) => {
      const settings = config({ COOKIE_SECURE: cookieSecure });
      const fromCookie = sessionCookie(settings, protocol, 'sealed', false, exp()).options.secure;
      assert.equal(clearedSessionCookie(settings, protocol).options.secure, fromCookie);
      assert.equal(isSecureRequest(settings, protocol), fromCookie);
      return fromCookie;
    };
    assert.equal(secure('auto', 'https'), true);
    assert.equal(secure('auto', 'http'), false);
    assert.equal(secure('true', 'http'), true);
    assert.equal(secure('false', 'https'), false);
  });

  test('Max-Age only for "remember me": the remaining session lifetime', () => {
    const expiresAt = now() + 7 * 86400;
    const persistent = sessionCookie(config(), 'https', 'sealed', true, expiresAt).options;
    assert.ok(
      persistent.maxAge !== undefined && Math.abs(persistent.maxAge - 7 * 86400) <= 2,
      `Max-Age ${persistent.maxAge}`,
    );
    const browserSession = sessionCookie(config(), 'https', 'sealed', false, expiresAt).options;
    assert.equal('maxAge' in browserSession, false);
    // A "remember me" session already past its end is not given a negative lifetime.
    assert.equal(sessionCookie(config(), 'https', 'sealed', true, now() - 60).options.maxAge, 0);
  });

  test('the cleared cookie is empty and expires at once, with the same attributes', () => {
    const cleared = clearedSessionCookie(config({ COOKIE_SECURE: 'true' }), 'http');
    assert.equal(cleared.name, sessionCookieName);
    assert.equal(cleared.value, '');
    assert.deepEqual(cleared.options, { httpOnly: true, sameSite: 'lax', path: '/', secure: true, maxAge: 0 });
  });
});

describe('serializeSessionCookie: the Set-Cookie header', () => {
  const at = Date.UTC(2026, 10, 23, 12, 0, 0);
  const cookie = (value: string, options: SessionCookie['options']): SessionCookie => ({
    name: sessionCookieName,
    value,
    options,
  });

  test('a "remember me" cookie: the value percent-encoded, Path, Expires beside Max-Age, Secure, HttpOnly, SameSite=Lax', () => {
    const line = serializeSessionCookie(
      cookie('a b', { httpOnly: true, sameSite: 'lax', path: '/it', secure: true, maxAge: 60 }),
      at,
    );
    const parsed = parseSetCookie(line);
    assert.equal(parsed.name, sessionCookieName);
    assert.equal(parsed.rawValue, 'a%20b');
    assert.deepEqual(cookieAttributes(line), {
      path: '/it',
      expires: 'Mon, 23 Nov 2026 12:01:00 GMT',
      'max-age': '60',
      secure: true,
      httponly: true,
      samesite: 'lax',
    });
  });

  test('the cleared cookie: empty, Max-Age=0 and no Expires; no Secure when not secure', () => {
    const line = serializeSessionCookie(
      cookie('', { httpOnly: true, sameSite: 'lax', path: '/', secure: false, maxAge: 0 }),
    );
    const parsed = parseSetCookie(line);
    assert.equal(parsed.name, sessionCookieName);
    assert.equal(parsed.rawValue, '');
    assert.deepEqual(cookieAttributes(line), { path: '/', 'max-age': '0', httponly: true, samesite: 'lax' });
  });

  test('a browser-session cookie: neither Max-Age nor Expires', () => {
    const line = serializeSessionCookie(cookie('v', { httpOnly: true, sameSite: 'lax', path: '/', secure: false }));
    assert.equal(parseSetCookie(line).rawValue, 'v');
    assert.deepEqual(cookieAttributes(line), { path: '/', httponly: true, samesite: 'lax' });
  });

  test('a real seal written as Set-Cookie reads back, unchanged, from a Cookie header', async () => {
    const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: newSecret });
    const input = claim({ persistent: true });
    const sealed = await sealClaim(input, [newSecret]);
    const parsed = parseSetCookie(serializeSessionCookie(sessionCookie(config, 'https', sealed, true, input.exp)));
    assert.deepEqual(sessionCookieValues(`theme=dark; ${parsed.name}=${parsed.rawValue}`), [sealed]);
    assert.equal((await unsealClaim(parsed.value, [newSecret]))?.claim.sid, input.sid);
  });
});

describe('resolveSession reads the Cookie header without the database (database: false)', () => {
  const header = (...values: string[]) =>
    ['theme=dark', ...values.map((value) => `${sessionCookieName}=${encodeURIComponent(value)}`)].join('; ');
  const resolve = (cookieHeader: string | null | undefined, protocol = 'https') =>
    resolveSession(cookieHeader, protocol, { database: false });
  after(() => setDatabaseAvailable(true));

  test('several cookies of our name (another app on the same host): the first value that unseals is used, whatever its position', async () => {
    const ours = claim();
    const cookie = await sealClaim(ours, [newSecret]);
    const foreign = await sealClaim(claim(), [foreignSecret]);
    const expiredOurs = await sealClaim(claim({ exp: now() - 10 }), [newSecret]);
    for (const values of [
      [cookie, foreign],
      [foreign, cookie],
      ['garbage', cookie],
      [expiredOurs, cookie],
    ]) {
      const resolved = await resolve(header(...values));
      assert.equal(resolved.claim?.sid, ours.sid, values.join(' | '));
      assert.equal(resolved.claim?.uid, ours.uid);
      assert.equal(resolved.signedIn, null);
      // Another app's cookie is not cleared, and ours is sealed with the newest secret: nothing to send.
      assert.equal(resolved.cookie, null);
    }
    const second = claim();
    const both = await resolve(header(cookie, await sealClaim(second, [newSecret])));
    assert.equal(both.claim?.sid, ours.sid);
    const swapped = await resolve(header(await sealClaim(second, [newSecret]), cookie));
    assert.equal(swapped.claim?.sid, second.sid);
  });

  test('no cookie of ours: nothing, and nothing to send back', async () => {
    for (const cookieHeader of [undefined, null, '', 'theme=dark', header(), `other_${sessionCookieName}=x`]) {
      assert.deepEqual(
        await resolve(cookieHeader),
        { claim: null, signedIn: null, cookie: null },
        String(cookieHeader),
      );
    }
  });

  test('cookies of our name of which none unseals: not signed in, and ours is cleared', async () => {
    const foreign = await sealClaim(claim(), [foreignSecret]);
    const expired = await sealClaim(claim({ exp: now() - 10 }), [newSecret]);
    for (const values of [[foreign, 'garbage'], ['garbage'], [expired], [''], ['x'.repeat(5000)]]) {
      const resolved = await resolve(header(...values), 'http');
      assert.equal(resolved.claim, null);
      assert.equal(resolved.signedIn, null);
      assert.deepEqual(resolved.cookie, {
        name: sessionCookieName,
        value: '',
        options: { httpOnly: true, sameSite: 'lax', path: '/', secure: false, maxAge: 0 },
      });
    }
    assert.equal((await resolve(header('garbage'), 'https')).cookie?.options.secure, true);
  });

  test('a cookie sealed with an older secret comes back re-sealed with the newest, the same claim and attributes', async () => {
    for (const persistent of [true, false]) {
      const input = claim({ persistent });
      const resolved = await resolve(header(await sealClaim(input, [oldSecret])));
      assert.equal(resolved.claim?.sid, input.sid);
      assert.ok(resolved.cookie, 'a re-sealed cookie');
      assert.equal(resolved.cookie.name, sessionCookieName);
      const resealed = await unsealClaim(resolved.cookie.value, [newSecret]);
      assert.ok(resealed, 'the newest secret alone unseals the new value');
      assert.equal(resealed.sealedWithNewest, true);
      assert.deepEqual(
        {
          sid: resealed.claim.sid,
          uid: resealed.claim.uid,
          exp: resealed.claim.exp,
          persistent: resealed.claim.persistent,
        },
        input,
      );
      const { maxAge, ...rest } = resolved.cookie.options;
      assert.deepEqual(rest, { httpOnly: true, sameSite: 'lax', path: '/', secure: true });
      if (persistent) assert.ok(maxAge !== undefined && Math.abs(maxAge - 3600) <= 2, `Max-Age ${maxAge}`);
      else assert.equal(maxAge, undefined);
      // The re-sealed value, sent back, needs nothing more.
      assert.equal((await resolve(header(resolved.cookie.value))).cookie, null);
    }
  });

  test('the database was never asked: it cannot be reached, yet every answer above came, and it is still thought available', async () => {
    assert.equal(isDatabaseAvailable(), true);
    const signed = header(await sealClaim(claim(), [newSecret]));
    assert.ok((await resolve(signed)).claim);
    // The same header with the database asked fails: the database really is out of reach.
    await assert.rejects(resolveSession(signed, 'https'), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'ECONNREFUSED');
      return true;
    });
    assert.equal(isDatabaseAvailable(), false);
  });
});
