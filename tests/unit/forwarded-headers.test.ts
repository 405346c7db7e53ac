import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { describe, test } from 'node:test';
import { createProxyTrust, parseTrustProxy, type TrustProxySetting } from '../../lib/config/trust-proxy';
import { requestInfoFromHeaders } from '../../lib/http/request-info';
import { normalizeForwardedHeaders } from '../../server/forwarded-headers';

function trust(text: string) {
  const setting = parseTrustProxy(text);
  assert.equal(typeof setting, 'object', `TRUST_PROXY "${text}" should parse`);
  return createProxyTrust(setting as TrustProxySetting);
}

/** Runs a request through the custom server's rewrite and returns what the app then believes. */
function appSees(trustProxy: string, peer: string, incoming: IncomingHttpHeaders, encrypted = false) {
  const headers: IncomingHttpHeaders = { ...incoming };
  normalizeForwardedHeaders(headers, { remoteAddress: peer, encrypted }, trust(trustProxy));
  const flat = new Headers();
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat.set(name, String(value));
  return { headers, info: requestInfoFromHeaders(flat) };
}

const spoofed: IncomingHttpHeaders = {
  host: 'app.internal:3000',
  'x-forwarded-proto': 'https',
  'x-forwarded-for': '6.6.6.6',
  'x-forwarded-host': 'evil.example',
  'x-real-ip': '6.6.6.6',
  forwarded: 'for=6.6.6.6;proto=https',
  'x-forwarded-port': '443',
};

describe('a peer that is not a trusted proxy', () => {
  test('cannot claim HTTPS, another client address, or another host', () => {
    const { headers, info } = appSees('false', '203.0.113.9', spoofed);
    assert.deepEqual(
      { ip: info.ipAddress, protocol: info.protocol, host: info.host },
      {
        ip: '203.0.113.9',
        protocol: 'http',
        host: 'app.internal:3000',
      },
    );
    for (const name of ['x-real-ip', 'forwarded', 'x-forwarded-port']) assert.equal(headers[name], undefined, name);
  });

  test('is not trusted just because some other address is', () => {
    const { info } = appSees('loopback,10.0.0.1', '10.0.0.2', spoofed);
    assert.equal(info.protocol, 'http');
    assert.equal(info.ipAddress, '10.0.0.2');
    assert.equal(info.host, 'app.internal:3000');
  });

  test('a TLS socket is https even without any header', () => {
    assert.equal(appSees('false', '203.0.113.9', { host: 'app' }, true).info.protocol, 'https');
  });
});

describe('a trusted proxy', () => {
  test('is believed about scheme, host and client address', () => {
    const { info } = appSees('loopback', '127.0.0.1', {
      host: '127.0.0.1:3000',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'it.example.com',
      'x-forwarded-for': '198.51.100.7',
    });
    assert.deepEqual(
      { ip: info.ipAddress, protocol: info.protocol, host: info.host },
      {
        ip: '198.51.100.7',
        protocol: 'https',
        host: 'it.example.com',
      },
    );
  });

  test('an unknown X-Forwarded-Proto value is ignored', () => {
    const { info } = appSees('true', '10.1.1.1', { host: 'app', 'x-forwarded-proto': 'javascript' });
    assert.equal(info.protocol, 'http');
  });

  test('the client is the nearest untrusted hop of the chain, so a client cannot prepend a fake one', () => {
    const { info } = appSees('10.0.0.1,10.0.0.2', '10.0.0.2', {
      host: 'app',
      'x-forwarded-for': '6.6.6.6, 203.0.113.7, 10.0.0.1',
    });
    assert.equal(info.ipAddress, '203.0.113.7');
  });

  test('CIDR ranges are honoured when walking the chain', () => {
    const { info } = appSees('10.0.0.0/8', '10.9.9.9', { host: 'app', 'x-forwarded-for': '198.51.100.1, 10.2.3.4' });
    assert.equal(info.ipAddress, '198.51.100.1');
  });

  test('without X-Forwarded-For the proxy itself is the client', () => {
    assert.equal(appSees('loopback', '127.0.0.1', { host: 'app' }).info.ipAddress, '127.0.0.1');
  });
});

describe('always', () => {
  test('x-middleware-subrequest is removed, from trusted and untrusted peers alike', () => {
    for (const [setting, peer] of [
      ['false', '203.0.113.9'],
      ['true', '127.0.0.1'],
    ]) {
      const { headers } = appSees(setting, peer, {
        host: 'app',
        'x-middleware-subrequest': 'middleware:middleware:middleware',
      });
      assert.equal(headers['x-middleware-subrequest'], undefined, `TRUST_PROXY=${setting}`);
    }
  });

  test('IPv4-mapped IPv6 addresses lose their ::ffff: prefix, and still match IPv4 proxy entries', () => {
    assert.equal(appSees('false', '::ffff:192.0.2.33', { host: 'app' }).info.ipAddress, '192.0.2.33');
    const viaMappedProxy = appSees('loopback', '::ffff:127.0.0.1', {
      host: 'app',
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '198.51.100.2',
    });
    assert.equal(viaMappedProxy.info.protocol, 'https');
    assert.equal(viaMappedProxy.info.ipAddress, '198.51.100.2');
  });
});

describe('parseTrustProxy', () => {
  test('reads false/true/loopback/addresses/ranges and explains anything else', () => {
    assert.deepEqual(parseTrustProxy('false'), { mode: 'none' });
    assert.deepEqual(parseTrustProxy('true'), { mode: 'all' });
    const list = parseTrustProxy('loopback, 192.0.2.1, 2001:db8::/32');
    assert.equal(typeof list, 'object');
    assert.deepEqual((list as { entries: string[] }).entries, [
      '127.0.0.0/8',
      '::1/128',
      '192.0.2.1/32',
      '2001:db8::/32',
    ]);
    assert.match(parseTrustProxy('nginx') as string, /"nginx" is none of these/);
    assert.match(parseTrustProxy('::1/129') as string, /"::1\/129"/);
  });
});
