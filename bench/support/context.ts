import { insertFillerUsers } from './sessions';
import { BenchServer } from './stack';

export const benchUser = { username: 'bench', password: 'bench-password-1' } as const;

/**
 * What every scenario gets: a fresh PostgreSQL database of its own, and on request one production
 * server on it (with the bench user and 499 more, 500 in all) plus a signed-in cookie.
 */
export type BenchContext = {
  databaseUrl: string;
  /** Starts the single-process server once; later calls return the same one. */
  server(): Promise<{ server: BenchServer; cookie: string }>;
};

/** A scenario module's default export. Its result is printed and saved as bench/results/<name>.json. */
export type Scenario = (context: BenchContext) => Promise<object>;

export function benchContext(databaseUrl: string, stopList: BenchServer[]): BenchContext {
  let started: Promise<{ server: BenchServer; cookie: string }> | undefined;
  return {
    databaseUrl,
    server: () =>
      (started ??= (async () => {
        const server = new BenchServer(databaseUrl, { BCRYPT_COST: '12', API_RATE_LIMIT: '1000000000' });
        stopList.push(server);
        server.createUser(benchUser.username, benchUser.password);
        await insertFillerUsers(databaseUrl, 499);
        await server.start();
        return { server, cookie: await server.login(benchUser.username, benchUser.password) };
      })()),
  };
}
