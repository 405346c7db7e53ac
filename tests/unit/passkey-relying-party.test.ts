import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { relyingParty } from '../../lib/auth/passkey-relying-party';

describe('the passkeys relying party', () => {
  test('is the host of PUBLIC_URL, with its origin; the base path belongs to neither', () => {
    assert.deepEqual(relyingParty({ publicUrl: 'https://it.example.com/it-assets-manager' }), {
      enabled: true,
      id: 'it.example.com',
      origin: 'https://it.example.com',
      name: 'IT Assets Manager',
    });
    assert.deepEqual(relyingParty({ publicUrl: 'https://it.example.com:8443/x' }), {
      enabled: true,
      id: 'it.example.com',
      origin: 'https://it.example.com:8443',
      name: 'IT Assets Manager',
    });
  });

  test('plain HTTP is allowed on localhost only, where browsers count it as secure', () => {
    const local = relyingParty({ publicUrl: 'http://localhost:3000/it-assets-manager' });
    assert.ok(local.enabled && local.id === 'localhost' && local.origin === 'http://localhost:3000');
    const plain = relyingParty({ publicUrl: 'http://it.example.com' });
    assert.ok(!plain.enabled && /https/.test(plain.reason));
  });

  test('is off, saying why, without PUBLIC_URL or when it names an IP address', () => {
    const unset = relyingParty({});
    assert.ok(!unset.enabled && /PUBLIC_URL/.test(unset.reason));
    for (const publicUrl of ['http://127.0.0.1:3000', 'https://192.0.2.4/it', 'https://[::1]:8443']) {
      const off = relyingParty({ publicUrl });
      assert.ok(!off.enabled && /IP address/.test(off.reason), publicUrl);
    }
  });
});
