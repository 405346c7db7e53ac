import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { passwordSignInAllowed } from '../../lib/auth/oidc-only';
import { roleFromClaims } from '../../lib/auth/oidc-roles';
import { loadConfig } from '../../lib/config';
import { AppError } from '../../lib/errors';

const secret = 'a'.repeat(32);
const sso = {
  SESSION_SECRET: secret,
  OIDC_ISSUER: 'https://login.example.com/realms/it',
  OIDC_CLIENT_ID: 'itam',
  OIDC_CLIENT_SECRET: 'client-secret',
};

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof AppError);
    assert.equal(error.code, 'config_invalid');
    return error.message;
  }
  assert.fail('expected the configuration to be refused');
}

describe('OIDC settings', () => {
  test('single sign-on is off without OIDC_ISSUER, and on with the defaults when it is set', () => {
    assert.equal(loadConfig({ SESSION_SECRET: secret }).oidc, null);
    assert.deepEqual(loadConfig(sso).oidc, {
      issuer: 'https://login.example.com/realms/it',
      clientId: 'itam',
      clientSecret: 'client-secret',
      displayName: 'single sign-on',
      scopes: 'openid email profile',
      roleClaim: undefined,
      adminValues: [],
      agentValues: [],
      only: false,
      breakGlassUsers: [],
    });
  });

  test('each incomplete or wrong combination is one sentence naming the setting', () => {
    assert.match(
      refusal({ SESSION_SECRET: secret, OIDC_ISSUER: sso.OIDC_ISSUER }),
      /OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER/,
    );
    assert.match(
      refusal({ ...sso, OIDC_ISSUER: 'login.example.com' }),
      /OIDC_ISSUER must be the provider's issuer address/,
    );
    assert.match(refusal({ SESSION_SECRET: secret, OIDC_ONLY: 'true' }), /OIDC_ONLY=true needs OIDC_ISSUER/);
    assert.match(refusal({ ...sso, OIDC_ONLY: 'yes' }), /OIDC_ONLY must be true or false/);
    assert.match(refusal({ ...sso, OIDC_ADMIN_VALUES: 'it-admins' }), /need OIDC_ROLE_CLAIM/);
  });

  test('lists are comma-separated, break-glass names compare case-insensitively', () => {
    const config = loadConfig({
      ...sso,
      OIDC_ROLE_CLAIM: 'groups',
      OIDC_ADMIN_VALUES: 'it-admins, root ',
      OIDC_AGENT_VALUES: 'helpdesk',
      OIDC_ONLY: 'true',
      OIDC_BREAK_GLASS_USERS: 'Rescue, ,other',
    });
    assert.deepEqual(config.oidc?.adminValues, ['it-admins', 'root']);
    assert.deepEqual(config.oidc?.breakGlassUsers, ['rescue', 'other']);
    assert.equal(passwordSignInAllowed(config, 'rescue'), true);
    assert.equal(passwordSignInAllowed(config, 'rita'), false);
    assert.equal(passwordSignInAllowed(loadConfig(sso), 'rita'), true, 'without OIDC_ONLY every password counts');
  });
});

describe('roleFromClaims', () => {
  const mapping = { roleClaim: 'groups', adminValues: ['it-admins'], agentValues: ['helpdesk', 'desk'] };

  test('admin wins over agent, agent over requester; nothing matching is a requester', () => {
    assert.equal(roleFromClaims({ groups: ['helpdesk', 'it-admins'] }, mapping), 'admin');
    assert.equal(roleFromClaims({ groups: ['staff', 'desk'] }, mapping), 'agent');
    assert.equal(roleFromClaims({ groups: ['staff'] }, mapping), 'requester');
    assert.equal(roleFromClaims({}, mapping), 'requester');
  });

  test('a single string or a space-separated one counts; values compare exactly', () => {
    assert.equal(roleFromClaims({ groups: 'it-admins' }, mapping), 'admin');
    assert.equal(roleFromClaims({ groups: 'staff helpdesk' }, mapping), 'agent');
    assert.equal(roleFromClaims({ groups: ['IT-Admins', 'it-admins-old'] }, mapping), 'requester');
    assert.equal(roleFromClaims({ groups: [42, null] }, mapping), 'requester');
  });

  test('without a role claim, sign-in sets no role', () => {
    assert.equal(roleFromClaims({ groups: ['it-admins'] }, { adminValues: [], agentValues: [] }), null);
  });
});
