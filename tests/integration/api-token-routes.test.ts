import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import * as passkeyOptionsRoute from '../../app/api/account/passkeys/options/route';
import * as passkeyRoute from '../../app/api/account/passkeys/[id]/route';
import * as totpConfirmRoute from '../../app/api/account/totp/confirm/route';
import * as totpRoute from '../../app/api/account/totp/route';
import * as currentUserRoute from '../../app/api/auth/me/route';
import * as ticketsRoute from '../../app/api/tickets/route';
import * as tokensRoute from '../../app/api/tokens/route';
import * as tokenRoute from '../../app/api/tokens/[id]/route';
import * as userSearchRoute from '../../app/api/users/search/route';
import { forgetRateClaims } from '../../lib/auth/api-rate-limit';
import { createApiToken, revokeApiToken } from '../../lib/auth/api-tokens';
import { setRolesRequiringSecondFactor } from '../../lib/auth/second-factor-admin';
import { changeUserRole, setUserActive } from '../../lib/users/mutations';
import { useDirectRoutesServer } from '../support/direct-routes-server';
import { sleep, useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser, testCommandLine } from '../support/users';

// Route handlers as Next.js calls them (a Web Request, no cookie, no Next.js request store): an
// `Authorization: Bearer` request goes through lib/boundary/route.ts on the token alone. A low
// API_RATE_LIMIT so the limit is reachable; a 1 s SESSION_CHECK_CACHE to show its bound.
const rateLimit = 6;
const { db, rows, config } = await useTestDatabase({ API_RATE_LIMIT: String(rateLimit), SESSION_CHECK_CACHE: '1' });
const directServer = useDirectRoutesServer(config);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const base = 'http://localhost';

function call(
  handler: Handler,
  path: string,
  options: { token?: string; method?: string; body?: unknown; headers?: Record<string, string>; params?: object } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const request = new Request(`${base}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return handler(request, { params: Promise.resolve({ ...(options.params ?? {}) }) });
}

async function tokenFor(role: 'admin' | 'agent' | 'requester', scope: 'read' | 'write') {
  const user = await createTestUser(db, { role });
  const created = await db.transaction((tx) =>
    createApiToken(tx, actorFor(user), { name: `${role} ${scope}`, scope, expiresInDays: 7 }),
  );
  return { user, token: created.token, id: created.id };
}

const errorCode = async (reply: Response) => ((await reply.json()) as { error: { code: string } }).error.code;

describe('a bearer token on the JSON routes', () => {
  test('a read token reads with its owner’s permissions, without a cookie', async () => {
    const { user, token } = await tokenFor('agent', 'read');
    const reply = await call(ticketsRoute.GET, '/api/tickets', { token });
    assert.equal(reply.status, 200);
    assert.ok(Array.isArray(((await reply.json()) as { items: unknown[] }).items));
    const search = await call(userSearchRoute.GET, `/api/users/search?q=${user.username}`, { token });
    assert.equal(search.status, 200);
  });

  test('a read token cannot change anything: 403, and nothing is written', async () => {
    const { token } = await tokenFor('agent', 'read');
    const reply = await call(ticketsRoute.POST, '/api/tickets', {
      token,
      method: 'POST',
      body: { title: 'Written with a read token' },
    });
    assert.equal(reply.status, 403);
    assert.equal(await errorCode(reply), 'forbidden');
    assert.equal((await rows(sql`select id from tickets where title = 'Written with a read token'`)).length, 0);
  });

  test('a write token changes things, even with another site’s Origin (no cookie, so no forgery); the audit says via which token', async () => {
    const { user, token, id } = await tokenFor('agent', 'write');
    const reply = await call(ticketsRoute.POST, '/api/tickets', {
      token,
      method: 'POST',
      body: { title: 'Made by a script' },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(reply.status, 201);
    const [audit] = await rows<{ actor_id: string; details: Record<string, unknown> }>(
      sql`select actor_id, details from audit_log where action = 'ticket.create' order by id desc limit 1`,
    );
    assert.equal(audit.actor_id, user.id);
    assert.equal(audit.details.viaApiToken, id);
  });

  test('without a token the same foreign-Origin request is refused as before', async () => {
    const reply = await call(ticketsRoute.POST, '/api/tickets', {
      method: 'POST',
      body: { title: 'x' },
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(reply.status, 403);
    assert.equal(await errorCode(reply), 'cross_origin');
  });

  test('a revoked, an expired, an unknown and a malformed token are 401', async () => {
    const revoked = await tokenFor('agent', 'read');
    assert.equal((await call(ticketsRoute.GET as Handler, '/api/tickets', { token: revoked.token })).status, 200);
    await db.transaction((tx) => revokeApiToken(tx, actorFor(revoked.user), { tokenId: revoked.id }));
    const afterRevoke = await call(ticketsRoute.GET, '/api/tickets', { token: revoked.token });
    assert.equal(afterRevoke.status, 401);
    assert.equal(await errorCode(afterRevoke), 'unauthenticated');

    const expired = await tokenFor('agent', 'read');
    await rows(sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${expired.id}`);
    assert.equal((await call(ticketsRoute.GET as Handler, '/api/tickets', { token: expired.token })).status, 401);

    const unknown = `iam_pat_000000000000_${'A'.repeat(43)}`;
    assert.equal((await call(ticketsRoute.GET as Handler, '/api/tickets', { token: unknown })).status, 401);
    const malformed = await call(ticketsRoute.GET, '/api/tickets', {
      headers: { authorization: 'Bearer x' },
    });
    assert.equal(malformed.status, 401);
  });

  test('a request read while the revocation commits is not remembered: the next one is refused', async () => {
    const { user, token, id } = await tokenFor('agent', 'read');
    const get = () => call(ticketsRoute.GET, '/api/tickets', { token });
    assert.equal((await get()).status, 200);
    let commit = () => {};
    const committing = new Promise<void>((resolve) => (commit = resolve));
    let revoked = () => {};
    const hasRevoked = new Promise<void>((resolve) => (revoked = resolve));
    const revoking = db.transaction(async (tx) => {
      await revokeApiToken(tx, actorFor(user), { tokenId: id });
      revoked();
      await committing;
    });
    await hasRevoked;
    // On PostgreSQL this reads the token as it was (200); the embedded database waits for the commit.
    const meanwhile = get();
    await sleep(200);
    commit();
    await revoking;
    assert.ok([200, 401].includes((await meanwhile).status));
    assert.equal((await get()).status, 401);
  });

  test('disabling the user refuses the token on the next request, and enabling them does not revive it', async () => {
    const { user, token } = await tokenFor('agent', 'read');
    assert.equal((await call(ticketsRoute.GET as Handler, '/api/tickets', { token })).status, 200);
    await db.transaction((tx) => setUserActive(tx, testCommandLine, { userId: user.id, active: false }));
    assert.equal((await call(ticketsRoute.GET as Handler, '/api/tickets', { token })).status, 401);
    await db.transaction((tx) => setUserActive(tx, testCommandLine, { userId: user.id, active: true }));
    assert.equal((await call(ticketsRoute.GET as Handler, '/api/tickets', { token })).status, 401);
  });

  test('a role change applies on the next request', async () => {
    const { user, token } = await tokenFor('agent', 'read');
    const search = () => call(userSearchRoute.GET, '/api/users/search?q=a', { token });
    assert.equal((await search()).status, 200);
    await db.transaction((tx) => changeUserRole(tx, testCommandLine, { userId: user.id, role: 'requester' }));
    // Staff only: a requester is told there is nothing here.
    assert.equal((await search()).status, 404);
  });

  test('a role newly required to have a second factor stops its tokens until the owner sets one up', async () => {
    const admin = await createTestUser(db, { role: 'admin' });
    const { token } = await tokenFor('requester', 'write');
    assert.equal((await call(ticketsRoute.GET as Handler, '/api/tickets', { token })).status, 200);
    await db.transaction((tx) => setRolesRequiringSecondFactor(tx, actorFor(admin), { roles: ['requester'] }));
    // The earlier "no set-up needed" is kept as long as a session check (SESSION_CHECK_CACHE).
    await sleep(1_100);
    try {
      const pending = await call(ticketsRoute.POST, '/api/tickets', {
        token,
        method: 'POST',
        body: { title: 'Printer offline', description: 'Floor 2' },
      });
      assert.equal(pending.status, 403);
      assert.match(((await pending.json()) as { error: { message: string } }).error.message, /Set up two-factor/);
      assert.equal((await call(ticketsRoute.GET as Handler, '/api/tickets', { token })).status, 403);
      const [created] = await rows<{ count: number }>(
        sql`select count(*)::int as count from tickets where title = 'Printer offline'`,
      );
      assert.equal(created.count, 0);
    } finally {
      await db.transaction((tx) => setRolesRequiringSecondFactor(tx, actorFor(admin), { roles: [] }));
    }
    assert.equal((await call(ticketsRoute.GET as Handler, '/api/tickets', { token })).status, 200);
  });

  test('a change made by another process (straight in the database) is seen within SESSION_CHECK_CACHE', async () => {
    const { user, token } = await tokenFor('agent', 'read');
    const get = () => call(ticketsRoute.GET, '/api/tickets', { token });
    assert.equal((await get()).status, 200);
    await rows(sql`update users set active = false where id = ${user.id}`);
    const started = Date.now();
    while ((await get()).status === 200) {
      assert.ok(Date.now() - started < 1500, 'still accepted after SESSION_CHECK_CACHE');
      await sleep(50);
    }
  });

  test(`past API_RATE_LIMIT (${rateLimit} a minute) a token gets 429 with Retry-After, counted across processes`, async () => {
    // Counting starts over on the minute: start well inside one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await sleep(60_000 - intoMinute + 100);
    const { token, id } = await tokenFor('agent', 'read');
    const get = () => call(ticketsRoute.GET, '/api/tickets', { token });
    for (let i = 0; i < rateLimit - 2; i++) assert.equal((await get()).status, 200);
    // Another process has its own memory: this one's is dropped, the database's count stays.
    forgetRateClaims();
    assert.equal((await get()).status, 200);
    assert.equal((await get()).status, 200);
    const refused = await get();
    assert.equal(refused.status, 429);
    assert.equal(await errorCode(refused), 'rate_limited');
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
    const [window] = await rows<{ used: number }>(sql`select used from api_token_rate_windows where token_id = ${id}`);
    assert.equal(window.used, rateLimit);
    // Another token of the same user has its own count.
    const other = await tokenFor('agent', 'read');
    assert.equal((await call(ticketsRoute.GET as Handler, '/api/tickets', { token: other.token })).status, 200);
  });

  test('last use and the address are recorded; a new address is audited once', async () => {
    const { user, token, id } = await tokenFor('agent', 'read');
    const from = (address: string) =>
      call(ticketsRoute.GET, '/api/tickets', { token, headers: { 'x-forwarded-for': address } });
    await from('198.51.100.7');
    await from('198.51.100.7');
    await from('203.0.113.9');
    const [row] = await rows<{ last_used_at: string | null; last_used_ip: string }>(
      sql`select last_used_at, last_used_ip from api_tokens where id = ${id}`,
    );
    assert.ok(row.last_used_at);
    assert.equal(row.last_used_ip, '198.51.100.7'); // written at most once a minute
    const audits = await rows<{ actor_id: string; ip_address: string }>(
      sql`select actor_id, ip_address from audit_log where action = 'api_token.new_address' and target_id = ${id} order by id`,
    );
    assert.deepEqual(
      [...audits],
      [
        { actor_id: user.id, ip_address: '198.51.100.7' },
        { actor_id: user.id, ip_address: '203.0.113.9' },
      ],
    );
  });

  test('requests that race from a new address audit it and log it once', async (context) => {
    const { token, id } = await tokenFor('agent', 'read');
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    context.mock.method(process.stdout, 'write', (chunk: string | Uint8Array, ...rest: never[]) => {
      written.push(String(chunk));
      return write(chunk, ...rest);
    });
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        call(ticketsRoute.GET, '/api/tickets', { token, headers: { 'x-forwarded-for': '192.0.2.44' } }),
      ),
    );
    assert.deepEqual(
      replies.map((reply) => reply.status),
      [200, 200, 200, 200, 200],
    );
    await sleep(20); // log lines leave at the end of the event loop's turn
    const logged = written
      .join('')
      .split('\n')
      .filter((line) => line.includes('"api_token.new_address"') && line.includes('192.0.2.44'));
    assert.equal(logged.length, 1);
    const audits = await rows(
      sql`select 1 from audit_log where action = 'api_token.new_address' and target_id = ${id} and ip_address = '192.0.2.44'`,
    );
    assert.equal(audits.length, 1);
  });
});

describe('/api/tokens', () => {
  test('a token cannot create tokens; it lists its owner’s and may revoke them with write scope', async () => {
    const { token, id } = await tokenFor('requester', 'write');
    const create = await call(tokensRoute.POST, '/api/tokens', {
      token,
      method: 'POST',
      body: { name: 'copy', scope: 'write', expiresInDays: 1 },
    });
    assert.equal(create.status, 403);
    const list = await call(tokensRoute.GET, '/api/tokens', { token });
    assert.equal(list.status, 200);
    const { tokens } = (await list.json()) as { tokens: { id: string; prefix: string }[] };
    assert.deepEqual(
      tokens.map((entry) => entry.id),
      [id],
    );
    assert.ok(!JSON.stringify(tokens).includes(token));
    assert.equal((await call(tokensRoute.GET as Handler, '/api/tokens?all=1', { token })).status, 403);
    const revoke = await call(tokenRoute.DELETE, `/api/tokens/${id}`, {
      token,
      method: 'DELETE',
      params: { id },
    });
    assert.equal(revoke.status, 200);
    assert.equal((await call(tokensRoute.GET as Handler, '/api/tokens', { token })).status, 401);
  });

  test('a write token cannot add a passkey or an authenticator app, nor remove either: 403, nothing written', async () => {
    const { user, token } = await tokenFor('admin', 'write');
    const refused = [
      await call(passkeyOptionsRoute.POST, '/api/account/passkeys/options', { token, method: 'POST' }),
      await call(totpRoute.POST, '/api/account/totp', { token, method: 'POST' }),
      await call(totpConfirmRoute.POST, '/api/account/totp/confirm', {
        token,
        method: 'POST',
        body: { code: '123456' },
      }),
      await call(passkeyRoute.DELETE, `/api/account/passkeys/${user.id}`, {
        token,
        method: 'DELETE',
        params: { id: user.id },
      }),
    ];
    for (const reply of refused) {
      assert.equal(reply.status, 403);
      assert.match(((await reply.json()) as { error: { message: string } }).error.message, /^API tokens cannot/);
    }
    assert.equal((await rows(sql`select user_id from user_totp where user_id = ${user.id}`)).length, 0);
  });

  test('an admin’s token lists every user’s tokens with ?all=1', async () => {
    const admin = await tokenFor('admin', 'read');
    const other = await tokenFor('requester', 'read');
    const reply = await call(tokensRoute.GET, '/api/tokens?all=1', { token: admin.token });
    assert.equal(reply.status, 200);
    const { tokens } = (await reply.json()) as { tokens: { id: string; owner: { username: string } }[] };
    assert.ok(tokens.some((entry) => entry.id === other.id && entry.owner.username === other.user.username));
  });
});

describe('GET /api/auth/me with a token', () => {
  test('the route file and the custom server answer the token’s user; a revoked token is 401 on both', async () => {
    const { user, token, id } = await tokenFor('requester', 'read');
    const expected = {
      user: { id: user.id, username: user.username, displayName: user.displayName, role: 'requester' },
    };
    const viaFile = await call(currentUserRoute.GET, '/api/auth/me', { token });
    assert.equal(viaFile.status, 200);
    assert.deepEqual(await viaFile.json(), expected);
    const direct = () => fetch(`${directServer.base()}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    const first = await direct();
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), expected);
    // Answered from memory now (checked within SESSION_CHECK_CACHE, address known).
    assert.equal((await direct()).status, 200);
    await db.transaction((tx) => revokeApiToken(tx, actorFor(user), { tokenId: id }));
    assert.equal((await direct()).status, 401);
    assert.equal((await call(currentUserRoute.GET as Handler, '/api/auth/me', { token })).status, 401);
    const malformed = await fetch(`${directServer.base()}/api/auth/me`, { headers: { authorization: 'Bearer nope' } });
    assert.equal(malformed.status, 401);
  });
});
