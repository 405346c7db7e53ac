import 'server-only';
import { loadConfig, type AppConfig } from '../config';
import { openDatabase } from '../db/client';
import { migrationStatus } from '../db/migration-status';
import { isAppError } from '../errors';
import { describeError } from '../log';
import { fail, pass, warn, type CheckResult } from './report';
import { checkSmtp } from './smtp-check';

/** Checks the configuration this machine would start with, the build (`built`: its base path, null when absent) and the database. */
export async function checkConfiguration(
  env: Record<string, string | undefined>,
  built: string | null,
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  let config: AppConfig;
  try {
    config = loadConfig(env);
  } catch (error) {
    results.push(
      fail(
        'configuration',
        isAppError(error) ? error.message : String(error),
        'The app will refuse to start until this is fixed.',
      ),
    );
    return results;
  }
  results.push(pass('configuration', 'every variable parses'));

  results.push(
    config.nodeEnv === 'production'
      ? pass('NODE_ENV', 'production')
      : warn(
          'NODE_ENV',
          `${config.nodeEnv}`,
          'Set NODE_ENV=production on a real deployment (it makes SESSION_SECRET mandatory).',
        ),
  );
  if (config.session.secretSource === 'environment') {
    const count = config.session.secrets.length;
    results.push(
      pass('SESSION_SECRET', count > 1 ? `${count} secrets (rotation: the first seals, all open)` : 'set, long enough'),
    );
  } else {
    results.push(
      warn(
        'SESSION_SECRET',
        `not set; using the one generated in ${config.dataDir}`,
        'Every instance must share one secret: set SESSION_SECRET (npm run secret) explicitly.',
      ),
    );
  }

  if (built === null)
    results.push(warn('build', 'no production build found', 'Run npm run build before starting with PM2.'));
  else if (built !== config.basePath) {
    results.push(
      fail(
        'BASE_PATH',
        `the build serves "${built || '/'}" but BASE_PATH is "${config.basePath || '/'}"`,
        'Rebuild with the BASE_PATH the proxy serves under (npm run build), or the cookie path and every link will be wrong.',
      ),
    );
  } else results.push(pass('BASE_PATH', `"${config.basePath || '/'}" matches the build`));

  if (config.publicUrl) {
    const url = new URL(config.publicUrl);
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== config.basePath) {
      results.push(
        fail(
          'PUBLIC_URL',
          `its path "${path || '/'}" differs from BASE_PATH "${config.basePath || '/'}"`,
          'The proxy location, PUBLIC_URL and BASE_PATH must name the same sub-path.',
        ),
      );
    }
    if (url.protocol === 'https:' && config.cookieSecure === 'never') {
      results.push(
        fail(
          'COOKIE_SECURE',
          'false while the public URL is HTTPS',
          'Cookies would lack Secure over HTTPS; use COOKIE_SECURE=auto (with TRUST_PROXY) or true.',
        ),
      );
    } else if (url.protocol === 'https:' && config.cookieSecure === 'auto' && config.trustProxy.mode === 'none') {
      results.push(
        fail(
          'TRUST_PROXY',
          'false while the public URL is HTTPS and COOKIE_SECURE=auto',
          'Behind a TLS proxy the app sees plain HTTP unless it trusts X-Forwarded-Proto: set TRUST_PROXY=loopback (or the proxy address), or COOKIE_SECURE=true.',
        ),
      );
    } else if (url.protocol === 'http:' && config.cookieSecure === 'always') {
      results.push(
        fail(
          'COOKIE_SECURE',
          'true while the public URL is plain HTTP',
          'Browsers drop Secure cookies on http://, so nobody stays signed in: serve over HTTPS or use COOKIE_SECURE=auto.',
        ),
      );
    } else
      results.push(
        pass(
          'cookies',
          `Secure=${config.cookieSecure}, TRUST_PROXY=${config.trustProxy.mode}, public URL ${url.protocol.slice(0, -1)}`,
        ),
      );
  } else {
    results.push(
      warn('PUBLIC_URL', 'not set', 'Set PUBLIC_URL to the address people use, so the scheme and path can be checked.'),
    );
  }

  results.push(await checkSmtp(config.mail.smtpUrl));

  const instances = env.PM2_INSTANCES;
  if (config.database.kind === 'pglite') {
    results.push(
      instances && instances !== '1'
        ? fail(
            'database',
            `embedded database with PM2_INSTANCES=${instances}`,
            'The embedded database serves one process; set DATABASE_URL to run a cluster.',
          )
        : warn(
            'database',
            `embedded (PGlite) in ${config.dataDir}`,
            'Fine for one process; use PostgreSQL (DATABASE_URL) for production and clusters.',
          ),
    );
    return results;
  }
  if ((instances === 'max' || Number(instances) > 1) && !env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY) {
    results.push(
      warn(
        'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY',
        'not set',
        'Needed only when builds made on different machines serve one site; one build shared by all instances is fine without it.',
      ),
    );
  }
  try {
    const handle = await openDatabase(config.database, { migrate: false, poolSize: 1 });
    try {
      const status = await migrationStatus(handle.db);
      results.push(pass('database', 'PostgreSQL reachable'));
      results.push(
        status.current
          ? pass('migrations', `all ${status.expected.length} applied`)
          : fail(
              'migrations',
              `pending: ${status.pending.join(', ')}`,
              'Run npm run db:migrate (the app also applies them when it starts).',
            ),
      );
    } finally {
      await handle.close();
    }
  } catch (error) {
    results.push(
      fail(
        'database',
        `cannot connect: ${String(describeError(error).message)}`,
        'Check DATABASE_URL (host, port, user, password, database) and that PostgreSQL accepts connections from here.',
      ),
    );
  }
  return results;
}
