import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { invalidCredentialsMessage, logIn } from '../../lib/auth/login';
import { AppError } from '../../lib/errors';
import { useTestDatabase } from '../support/test-database';
import { createTestUser } from '../support/users';

const { db, rows } = await useTestDatabase({
  OIDC_ISSUER: 'https://login.example.com',
  OIDC_CLIENT_ID: 'itam',
  OIDC_CLIENT_SECRET: 'client-secret',
  OIDC_ONLY: 'true',
  OIDC_BREAK_GLASS_USERS: 'Rescue',
});

const request = { ipAddress: '192.0.2.30', protocol: 'https' as const, host: 'it.example.com', userAgent: 'test' };

test('with OIDC_ONLY a password signs in only a break-glass user; anyone else gets the wrong-password answer', async () => {
  const rescue = await createTestUser(db, { username: 'rescue', role: 'admin' });
  const rita = await createTestUser(db, { username: 'rita', role: 'requester' });

  const signedIn = await logIn({ username: 'RESCUE', password: rescue.password, remember: false }, request);
  assert.equal(signedIn.user.id, rescue.id);

  await assert.rejects(
    logIn({ username: 'rita', password: rita.password, remember: false }, request),
    (error) =>
      error instanceof AppError && error.code === 'invalid_credentials' && error.message === invalidCredentialsMessage,
  );
  const [failure] = await rows<{ reason: string }>(
    sql`select details->>'reason' as reason from audit_log where action = 'auth.login_failure' and actor_id = ${rita.id}`,
  );
  assert.equal(failure.reason, 'oidc_only');
});
