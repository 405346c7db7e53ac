import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GET as currentUserRoute } from '../../app/api/auth/me/route';
import { GET as healthRoute } from '../../app/api/health/route';
import { sessionCookieName } from '../../lib/auth/session-cookie';
import { sealClaim } from '../../lib/auth/session-seal';
import { useTestDatabase } from '../support/test-database';
import { createTestUser, openTestSession } from '../support/users';

// The route files under app/api/ answer /api/auth/me and /api/health wherever Next.js serves them
// (npm run dev, next start), not only through the custom server's fast path: the file tree is the
// route table. Called here as Next.js calls them, with a Web Request.
const { db, config } = await useTestDatabase();

const request = (cookie?: string) => new Request('http://localhost/api/auth/me', { headers: cookie ? { cookie } : {} });

test('app/api/auth/me/route.ts answers the signed-in user, and 401 with a cleared cookie otherwise', async () => {
  const user = await createTestUser(db, { role: 'requester' });
  const session = await openTestSession(db, config, user.id);
  const exp = Math.floor(session.expiresAt.getTime() / 1000);
  const seal = await sealClaim({ sid: session.token, uid: user.id, exp, persistent: false }, config.session.secrets);

  const signedIn = await currentUserRoute(request(`${sessionCookieName}=${seal}`));
  assert.equal(signedIn.status, 200);
  assert.deepEqual(await signedIn.json(), {
    user: { id: user.id, username: user.username, displayName: user.displayName, role: 'requester' },
  });
  assert.equal(signedIn.headers.get('cache-control'), 'no-store');

  const garbage = await currentUserRoute(request(`${sessionCookieName}=not-a-seal`));
  assert.equal(garbage.status, 401);
  assert.deepEqual(await garbage.json(), { error: { code: 'unauthenticated', message: 'Sign in first.' } });
  assert.match(garbage.headers.get('set-cookie') ?? '', new RegExp(`^${sessionCookieName}=;.*Max-Age=0`, 'i'));
});

test('app/api/health/route.ts answers liveness without the database', async () => {
  const reply = healthRoute();
  assert.equal(reply.status, 200);
  const body = (await reply.json()) as { status: string; version: string; uptimeSeconds: number };
  assert.equal(body.status, 'ok');
  assert.equal(typeof body.version, 'string');
  assert.equal(reply.headers.get('cache-control'), 'no-store');
});
