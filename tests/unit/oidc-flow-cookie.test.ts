import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clearedOidcFlowCookie, oidcFlowCookie, readOidcFlow } from '../../lib/auth/oidc-flow-cookie';
import { loadConfig } from '../../lib/config';
import { maxNextLength, safeNextPath } from '../../lib/http/safe-next';

const config = loadConfig({ SESSION_SECRET: 'a'.repeat(32), BASE_PATH: '/it' });
const flow = {
  state: 'state-123',
  nonce: 'nonce-456',
  codeVerifier: 'v'.repeat(43),
  redirectUri: 'https://it.example.com/it/api/auth/oidc/callback',
  next: '/tickets?status=all',
};

test('the flow cookie is sealed, lives ten minutes on the base path, and survives a cross-site top-level redirect', async () => {
  const cookie = await oidcFlowCookie(config, 'https', flow);
  assert.equal(cookie.name, 'ticketing_oidc');
  assert.deepEqual(cookie.options, { httpOnly: true, sameSite: 'lax', path: '/it', secure: true, maxAge: 600 });
  assert.ok(!cookie.value.includes('state-123'), 'nothing readable in the cookie');
  assert.deepEqual(await readOidcFlow(config, cookie.value), flow);
  assert.equal(clearedOidcFlowCookie(config, 'https').options.maxAge, 0);
});

test('a tampered, foreign or missing flow cookie is no flow', async () => {
  const { value } = await oidcFlowCookie(config, 'http', flow);
  const tampered = value.slice(0, -4) + (value.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  assert.equal(await readOidcFlow(config, tampered), null);
  const other = loadConfig({ SESSION_SECRET: 'b'.repeat(32) });
  assert.equal(await readOidcFlow(other, value), null);
  assert.equal(await readOidcFlow(config, undefined), null);
  assert.equal(await readOidcFlow(config, 'garbage'), null);
});

test('any return path safeNextPath keeps fits the flow cookie, even one that grows as it is resolved', async () => {
  const candidates = ['/' + 'a'.repeat(2040), `/tickets?q=${'é'.repeat(400)}`, `/kb?q=${'%'.repeat(700)}`];
  for (const candidate of candidates) {
    const next = safeNextPath(candidate);
    assert.ok(next.length <= maxNextLength, `${next.length}`);
    const { value } = await oidcFlowCookie(config, 'https', { ...flow, next });
    assert.deepEqual(await readOidcFlow(config, value), { ...flow, next });
  }
  assert.equal(safeNextPath(`/tickets?q=${'é'.repeat(400)}`), '/');
});
