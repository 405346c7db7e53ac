import { freePort } from '../../tests/support/free-port';
import { benchUser } from './context';
import { scalePages } from './scale-pages';
import { seedScale, type ScaleSeedResult } from './seed-scale';
import { insertFillerUsers } from './sessions';
import { BenchServer } from './stack';

/**
 * Scenario 3's database: the bench agent (created by `server`'s code, which migrates the database
 * first), 499 more users, 100,000 tickets and 50,000 assets.
 */
export async function seedScaleDatabase(server: BenchServer, databaseUrl: string): Promise<ScaleSeedResult> {
  server.createUser(benchUser.username, benchUser.password);
  await insertFillerUsers(databaseUrl, 499);
  return seedScale(databaseUrl, benchUser.username);
}

/**
 * A server on the database of scenario 3 (the bench agent, 499 more users, 100,000 tickets, 50,000
 * assets), started with `env(base)` added to its environment: the mail settings need the server's
 * own address (PUBLIC_URL), so the port is chosen first. The caller stops it.
 */
export async function startSeededServer(
  databaseUrl: string,
  env: (base: string) => Record<string, string>,
): Promise<{ server: BenchServer; cookie: string; seed: ScaleSeedResult; ticketListCheck: (body: string) => boolean }> {
  const port = await freePort();
  const server = new BenchServer(databaseUrl, {
    BCRYPT_COST: '12',
    PORT: String(port),
    ...env(`http://127.0.0.1:${port}`),
  });
  server.port = port;
  const seed = await seedScaleDatabase(server, databaseUrl);
  try {
    await server.start();
    const cookie = await server.login(benchUser.username, benchUser.password);
    const ticketList = scalePages('').find((page) => page.path === '/tickets')!;
    return { server, cookie, seed, ticketListCheck: ticketList.check };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
