// A clone in a folder only its owner may enter (root's home folder): as root, PostgreSQL runs as
// the postgres user, who cannot reach the binaries there, yet the throwaway server must start.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import postgres from 'postgres';
import { copyEmbeddedPostgres } from '../support/embedded-postgres-packages';
import { startEmbeddedPostgres } from '../support/embedded-postgres';

const privateFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-private-project-'));
after(() => fs.rmSync(privateFolder, { recursive: true, force: true }));

test('embedded PostgreSQL starts from packages in a folder only their owner may enter', async () => {
  copyEmbeddedPostgres(privateFolder, process.cwd());
  assert.equal(fs.statSync(privateFolder).mode & 0o077, 0, 'the project folder is private');
  const before = new Set(fs.readdirSync(os.tmpdir()));

  const server = await startEmbeddedPostgres({ packagesFrom: privateFolder });
  try {
    const client = postgres(server.url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await client`select 1 + 1 as two`;
      assert.equal(row.two, 2);
    } finally {
      await client.end({ timeout: 1 });
    }
  } finally {
    await server.dispose();
  }
  const left = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('iam-test-pg-') && !before.has(name));
  assert.deepEqual(left, [], 'the server and any copy of its binaries are deleted');
});
