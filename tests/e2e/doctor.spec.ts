import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { e2eBasePath } from './support/constants';
import { useAppServer } from './support/session';
import { makeCertificate, startTlsProxy } from './support/tls-proxy';

// `npm run doctor --url …` against healthy and deliberately broken deployments.
const server = useAppServer((app) => app.createUser('doc', 'doc-password-1', 'agent'), { TRUST_PROXY: 'loopback' });
const tls = makeCertificate();
test.afterAll(() => fs.rmSync(tls.dir, { recursive: true, force: true }));

// Asynchronous on purpose: the TLS proxy runs in this process and must keep answering.
function doctor(url: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'scripts/doctor.ts', '--skip-config', '--url', url],
      {
        env: {
          ...process.env,
          DOCTOR_USERNAME: 'doc',
          DOCTOR_PASSWORD: 'doc-password-1',
          NODE_EXTRA_CA_CERTS: tls.certFile,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (status) => resolve({ status, output }));
  });
}

const port = () => new URL(server.app.origin).port;

test('a healthy deployment over plain HTTP passes every check', async () => {
  const result = await doctor(server.app.baseURL);
  expect(result.output).toContain('All checks passed');
  expect(result.output).toMatch(/ok\s+cookie Path: \/it-assets-manager/);
  expect(result.status).toBe(0);
});

test('a wrong base path is diagnosed as such', async () => {
  const result = await doctor(`${server.app.origin}/assets-manager`);
  expect(result.status).toBe(1);
  expect(result.output).toMatch(/FAIL\s+login page: .* answered 404/);
  expect(result.output).toContain('BASE_PATH (fixed at build time) differs from this path');
});

test('behind HTTPS with the scheme forwarded (and trusted) the cookie is Secure', async () => {
  const proxy = await startTlsProxy(Number(port()), tls, { forwardScheme: true });
  try {
    const result = await doctor(`https://127.0.0.1:${proxy.port}${e2eBasePath}`);
    expect(result.output).toMatch(/ok\s+cookie Secure: set \(HTTPS\)/);
    expect(result.status).toBe(0);
  } finally {
    await proxy.close();
  }
});

test('a proxy that does not forward the scheme is diagnosed', async () => {
  const proxy = await startTlsProxy(Number(port()), tls, { forwardScheme: false });
  try {
    const result = await doctor(`https://127.0.0.1:${proxy.port}${e2eBasePath}`);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAIL\s+cookie Secure: missing over HTTPS/);
    expect(result.output).toContain('X-Forwarded-Proto');
  } finally {
    await proxy.close();
  }
});

test.describe('with COOKIE_SECURE=true served over plain HTTP', () => {
  test.beforeAll(async () => {
    server.app.setEnv({ COOKIE_SECURE: 'true' });
    await server.app.restart();
  });
  test.afterAll(() => {
    server.app.setEnv({ COOKIE_SECURE: 'auto' });
  });

  test('the Secure-over-HTTP cookie is diagnosed', async () => {
    const result = await doctor(server.app.baseURL);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/FAIL\s+cookie Secure: set over plain HTTP/);
    expect(result.output).toContain('never sent back');
  });
});
