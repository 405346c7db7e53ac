// Starts IT Assets Manager: checks the configuration, opens and migrates the database, then serves
// the Next.js app through a plain node:http server that first makes X-Forwarded-* trustworthy and
// answers the two most-polled JSON routes itself (direct-routes.ts).
// Run through `npm start` (production) or `npm run dev`.
import http from 'node:http';
import next from 'next';
import { discardAbandonedImports } from '../lib/assets/import/staging';
import { startSessionPruning } from '../lib/auth/session-pruning';
import { getConfig, type AppConfig } from '../lib/config';
import { createProxyTrust } from '../lib/config/trust-proxy';
import { closeDatabase, getDatabaseHandle, getDb } from '../lib/db/client';
import { startDatabaseProbe } from '../lib/db/probe';
import { startStatusCountCompaction } from '../lib/db/status-counts';
import { isAppError } from '../lib/errors';
import { startJobWorkers } from '../lib/jobs/worker';
import { describeError, log } from '../lib/log';
import { startMailPolling } from '../lib/mail/incoming/mail-fetch-job';
import { startSlaChecks } from '../lib/sla/jobs';
import { baseSecurityHeaders } from '../lib/http/security-headers';
import { runWithRequestContext } from '../lib/request-context';
import { sendConsoleToLog } from './console-log';
import { buildNextApp, builtBasePath } from './next-build';
import { createBrokenAddressGuard } from './broken-address';
import { createDirectRoutes } from './direct-routes';
import { normalizeForwardedHeaders } from './forwarded-headers';
import { logRequest } from './request-log';
import { createStaticFileGuard } from './static-files';
import { gracefulStop } from './graceful-stop';

const projectRoot = process.cwd();
const dev = process.argv.includes('--dev');
const buildIfNeeded = process.argv.includes('--build-if-needed');
// Requests in flight get this long to finish on a stop; PM2's kill_timeout leaves room for the database to close after.
const stopDeadlineMs = 10_000;

function fail(message: string): never {
  // Straight to the stream: once Next.js runs, console.error writes JSON lines (console-log.ts).
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function loadConfigOrExit(): AppConfig {
  try {
    return getConfig();
  } catch (error) {
    if (isAppError(error)) fail(error.message);
    fail(`Configuration error: ${(error as Error).message}`);
  }
}

async function openDatabaseOrExit(config: AppConfig): Promise<void> {
  try {
    await getDatabaseHandle();
  } catch (error) {
    if (isAppError(error)) fail(error.message);
    const where =
      config.database.kind === 'postgres'
        ? 'the PostgreSQL database in DATABASE_URL'
        : `the embedded database in ${config.dataDir}`;
    fail(`Could not open ${where}: ${(error as Error).message}`);
  }
}

function publicAddress(config: AppConfig): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/?$/, '/');
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}${config.basePath}/`;
}

function ensureBuild(config: AppConfig): void {
  const built = builtBasePath(projectRoot);
  if (built === config.basePath) return;
  if (!buildIfNeeded) {
    if (built === null)
      fail('There is no production build. Run "npm run build" first (or "npm start", which builds when needed).');
    fail(
      `The build was made for BASE_PATH "${built}" but BASE_PATH is "${config.basePath}". Run "npm run build" with the BASE_PATH you serve under.`,
    );
  }
  console.log(
    built === null
      ? 'No production build yet: building (a minute or two)…'
      : `Rebuilding for BASE_PATH "${config.basePath}"…`,
  );
  if (!buildNextApp({ basePath: config.basePath, cwd: projectRoot })) fail('The build failed; see the messages above.');
}

/**
 * Deletes the rows an asset import put aside when its server stopped midway (killed): they never
 * became assets. On the embedded database no other process can be importing (its data directory is
 * locked to this one), so every import left there is over; on PostgreSQL, only long-idle ones.
 */
async function discardImportsOfStoppedServers(): Promise<void> {
  try {
    const handle = await getDatabaseHandle();
    const discarded = await discardAbandonedImports(handle.db, { everyImport: handle.kind === 'pglite' });
    if (discarded.imports || discarded.rows) log.info('assets.imports_discarded', discarded);
  } catch (error) {
    log.warn('assets.imports_discard_failed', describeError(error));
  }
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (!dev) ensureBuild(config);
  await openDatabaseOrExit(config);

  // A self-hosted tool sends nothing home: Next.js's telemetry is off unless the operator says otherwise.
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  // The configuration above was read with the operator's NODE_ENV; Next.js needs its own value.
  (process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production';
  // Quiet: instrumentation.ts logs each failed request as one JSON line instead of Next.js's stack trace.
  const app = next({
    dev,
    dir: projectRoot,
    hostname: config.host,
    port: config.port,
    customServer: true,
    quiet: !dev,
  });
  await app.prepare();
  if (!dev) sendConsoleToLog();
  const handle = app.getRequestHandler();
  const isTrustedProxy = createProxyTrust(config.trustProxy);
  const serveDirectly = createDirectRoutes(config);
  const refuseStaticFileWrite = createStaticFileGuard(config.basePath);
  const refuseBrokenAddress = createBrokenAddressGuard(config.basePath);

  const server = http.createServer();
  const stopper = gracefulStop(server);
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    normalizeForwardedHeaders(
      request.headers,
      { remoteAddress: request.socket.remoteAddress, encrypted: false },
      isTrustedProxy,
    );
    for (const [name, value] of baseSecurityHeaders) response.setHeader(name, value);
    const requestId = logRequest(request, response, isTrustedProxy(request.socket.remoteAddress));
    runWithRequestContext({ requestId }, () => {
      if (serveDirectly(request, response) || refuseBrokenAddress(request, response)) return;
      if (refuseStaticFileWrite(request, response)) return;
      const work = handle(request, response).catch((error: unknown) => {
        log.error('http.handler_failed', describeError(error));
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end('Internal error');
      });
      stopper.track(work);
    });
  });
  // Longer than a proxy's keep-alive, so the proxy closes idle connections first, never us mid-request.
  server.keepAliveTimeout = 65_000;

  await discardImportsOfStoppedServers();
  const stopPruning = startSessionPruning(getDb, config);
  const stopCompaction = startStatusCountCompaction(getDb);
  const stopProbe = startDatabaseProbe(await getDatabaseHandle());
  // Every process works the job queues (each job goes to one of them); they stop before the database closes.
  const jobWorkers = await startJobWorkers();
  startMailPolling(getDb, config);
  startSlaChecks(getDb);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`Port ${config.port} is already in use; set PORT to a free port.`);
    fail(`Could not listen on ${config.host}:${config.port}: ${error.message}`);
  });

  console.log(`IT Assets Manager is running at ${publicAddress(config)}`);
  log.info('server.started', {
    port: config.port,
    basePath: config.basePath,
    database: config.database.kind,
    mode: dev ? 'development' : 'production',
  });
  process.send?.('ready');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('server.stopping', { signal });
    stopPruning();
    stopCompaction();
    stopProbe();
    const jobsStopped = jobWorkers
      .stop()
      .catch((error: unknown) => log.warn('server.jobs_stop_failed', describeError(error)));
    void stopper
      .stop(stopDeadlineMs)
      .then(({ forcedConnections, unfinishedWork }) => {
        if (forcedConnections)
          log.warn('server.connections_forced', { connections: forcedConnections, afterMs: stopDeadlineMs });
        if (unfinishedWork) log.warn('server.work_unfinished', { requests: unfinishedWork, afterMs: stopDeadlineMs });
      })
      .then(() => jobsStopped)
      .then(closeDatabase)
      .catch((error: unknown) => log.warn('server.database_close_failed', describeError(error)))
      .then(() => {
        log.info('server.stopped', { signal });
        process.exit(0);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  log.error('server.start_failed', describeError(error));
  fail(`IT Assets Manager could not start: ${(error as Error).message}`);
});
