import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { recentSession } from '../../lib/auth/session';
import { sessionCookieName } from '../../lib/auth/session-cookie';
import { sealClaim, unsealClaim } from '../../lib/auth/session-seal';
import { setDatabaseAvailable } from '../../lib/db/availability';
import { useDirectRoutesServer } from '../support/direct-routes-server';
import { cookieAttributes, parseSetCookie } from '../support/set-cookie';
import { useTestDatabase } from '../support/test-database';
import { createTestUser, openTestSession } from '../support/users';

// /api/health and /api/auth/me are answered by the custom server before Next.js: the same
// contract as the routes Next.js serves, checked here on a real socket and a real database.
const newSecret = 'direct-routes-new-secret-'.padEnd(40, 'n');
const oldSecret = 'direct-routes-old-secret-'.padEnd(40, 'o');
const { db, config, rows } = await useTestDatabase({
  SESSION_SECRET: `${newSecret},${oldSecret}`,
  SESSION_CHECK_CACHE: '0',
});

const server = useDirectRoutesServer(config);

async function signedInCookie(options: { secrets?: string[]; persistent?: boolean } = {}) {
  const user = await createTestUser(db, { role: 'agent' });
  const session = await openTestSession(db, config, user.id, { persistent: options.persistent });
  const exp = Math.floor(session.expiresAt.getTime() / 1000);
  const value = await sealClaim(
    { sid: session.token, uid: user.id, exp, persistent: options.persistent ?? false },
    options.secrets ?? [newSecret],
  );
  return { user, session, value };
}

const me = (cookie?: string, init: RequestInit = {}) =>
  fetch(`${server.base()}/api/auth/me`, { ...init, headers: { ...(cookie ? { cookie } : {}), ...init.headers } });

describe('GET /api/auth/me, answered by the custom server', () => {
  test('a signed-in user gets their id, name and role, never cached, and nothing else', async () => {
    const { user, value } = await signedInCookie();
    const reply = await me(`${sessionCookieName}=${value}`);
    assert.equal(reply.status, 200);
    assert.deepEqual(await reply.json(), {
      user: { id: user.id, username: user.username, displayName: user.displayName, role: 'agent' },
    });
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.equal(reply.headers.get('content-type'), 'application/json');
    assert.equal(reply.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(reply.headers.get('strict-transport-security'), null);
    assert.equal(reply.headers.get('set-cookie'), null);
  });

  test('without a cookie: 401 with the error body, and no cookie is set', async () => {
    const reply = await me();
    assert.equal(reply.status, 401);
    assert.deepEqual(await reply.json(), { error: { code: 'unauthenticated', message: 'Sign in first.' } });
    assert.equal(reply.headers.get('set-cookie'), null);
  });

  test('a cookie that does not unseal is refused and cleared', async () => {
    const { value } = await signedInCookie();
    for (const bad of [`${value.slice(0, -4)}AAAA`, 'garbage']) {
      const reply = await me(`${sessionCookieName}=${bad}`);
      assert.equal(reply.status, 401);
      assert.deepEqual(await reply.json(), { error: { code: 'unauthenticated', message: 'Sign in first.' } });
      const cleared = reply.headers.get('set-cookie') ?? '';
      assert.equal(parseSetCookie(cleared).name, sessionCookieName);
      assert.equal(parseSetCookie(cleared).rawValue, '');
      assert.deepEqual(cookieAttributes(cleared), { path: '/', 'max-age': '0', httponly: true, samesite: 'lax' });
    }
  });

  test('a revoked session is refused at once (no check cache in this file)', async () => {
    const { session, value } = await signedInCookie();
    assert.equal((await me(`${sessionCookieName}=${value}`)).status, 200);
    // SESSION_CHECK_CACHE=0: a check answered is not remembered.
    assert.equal(recentSession(`${sessionCookieName}=${value}`), undefined);
    await rows(sql`update sessions set revoked_at = now() where id = ${session.sessionId}`);
    assert.equal((await me(`${sessionCookieName}=${value}`)).status, 401);
  });

  test("another app's cookie of the same name on the same host does not hide ours, in either order", async () => {
    const { user, value } = await signedInCookie();
    const foreign = await sealClaim(
      { sid: 'A'.repeat(22), uid: user.id, exp: Math.floor(Date.now() / 1000) + 600, persistent: false },
      ['another-app-secret-'.padEnd(40, 'x')],
    );
    for (const header of [
      `${sessionCookieName}=${value}; ${sessionCookieName}=${foreign}`,
      `${sessionCookieName}=${foreign}; ${sessionCookieName}=${value}`,
    ]) {
      const reply = await me(header);
      assert.equal(reply.status, 200);
      assert.equal(((await reply.json()) as { user: { id: string } }).user.id, user.id);
      assert.equal(reply.headers.get('set-cookie'), null);
    }
  });

  test('a cookie sealed with the previous secret is accepted and re-sealed with the newest', async () => {
    const { user, value } = await signedInCookie({ secrets: [oldSecret], persistent: true });
    const reply = await me(`${sessionCookieName}=${value}`);
    assert.equal(reply.status, 200);
    const setCookie = reply.headers.get('set-cookie') ?? '';
    const { name, value: resealed } = parseSetCookie(setCookie);
    assert.equal(name, sessionCookieName);
    const attributes = cookieAttributes(setCookie);
    assert.deepEqual(Object.keys(attributes).sort(), ['expires', 'httponly', 'max-age', 'path', 'samesite']);
    assert.deepEqual([attributes.path, attributes.httponly, attributes.samesite], ['/', true, 'lax']);
    assert.match(String(attributes['max-age']), /^\d+$/);
    assert.ok(
      Math.abs(Number(attributes['max-age']) - config.session.ttlSeconds) <= 5,
      `Max-Age ${attributes['max-age']}`,
    );
    assert.ok(
      Math.abs(Date.parse(String(attributes.expires)) - (Date.now() + Number(attributes['max-age']) * 1000)) <= 5000,
      `Expires ${attributes.expires}`,
    );
    assert.notEqual(resealed, value);
    assert.equal((await unsealClaim(resealed, [newSecret]))?.sealedWithNewest, true);
    const again = await me(`${sessionCookieName}=${resealed}`);
    assert.equal(((await again.json()) as { user: { id: string } }).user.id, user.id);
    assert.equal(again.headers.get('set-cookie'), null);
  });

  test('while the database is away: 503 with Retry-After, even for a valid cookie', async () => {
    const { value } = await signedInCookie();
    setDatabaseAvailable(false);
    try {
      const reply = await me(`${sessionCookieName}=${value}`);
      assert.equal(reply.status, 503);
      assert.equal(reply.headers.get('retry-after'), '10');
      assert.equal(((await reply.json()) as { error: { code: string } }).error.code, 'unavailable');
    } finally {
      setDatabaseAvailable(true);
    }
  });

  test('other methods get 405 with Allow; HEAD gets the headers without a body', async () => {
    const post = await me(undefined, { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
    assert.equal(((await post.json()) as { error: { code: string } }).error.code, 'method_not_allowed');
    const head = await fetch(`${server.base()}/api/health`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    assert.ok(Number(head.headers.get('content-length')) > 0);
  });
});

describe('GET /api/health and the paths around it', () => {
  test('liveness answers without a cookie and reveals nothing secret', async () => {
    const reply = await fetch(`${server.base()}/api/health?probe=1`);
    assert.equal(reply.status, 200);
    const body = (await reply.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['status', 'uptimeSeconds', 'version']);
    assert.equal(body.status, 'ok');
  });

  test('only the exact paths are taken; everything else is left to Next.js', async () => {
    for (const path of ['/api/health/ready', '/api/auth/me/', '/api/auth/login', '/it/api/health', '/api/healthz']) {
      const reply = await fetch(`${server.base()}${path}`);
      assert.equal(await reply.text(), 'not a direct route', path);
    }
  });
});
