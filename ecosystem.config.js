// PM2 process file: `npm run build`, then
//   NODE_CLUSTER_SCHED_POLICY=none npx pm2 start ecosystem.config.js --env production
// PM2 reads the named export `apps` (this package is an ES module).
// NODE_CLUSTER_SCHED_POLICY=none must be set when the PM2 daemon starts: with Node's default
// round-robin, the daemon hands each accepted connection to a worker, and a connection handed to a
// worker that is killed (kill -9, out of memory) at that moment is never answered nor closed.
// With "none" every worker accepts from the shared socket itself.
const usesPostgres = Boolean(process.env.DATABASE_URL);
const requested = process.env.PM2_INSTANCES || (usesPostgres ? 'max' : '1');

if (!usesPostgres) {
  console.warn(
    'ecosystem.config.js: DATABASE_URL is not set, so PM2 runs exactly one instance: the embedded database serves one process only. Set DATABASE_URL to run a cluster.',
  );
}

export const apps = [
  {
    name: 'it-assets-manager',
    script: 'server/pm2-entry.mjs',
    // --heap-growing-percent=50: after each full GC V8 lets the heap grow to 1.5x what is live,
    // instead of up to 4x under steady load, which filled a worker with uncollected garbage up to
    // max_memory_restart. Not a hard
    // cap: a large CSV import or upload still gets the heap it needs; the cost is more frequent
    // (concurrent) major GCs.
    node_args: ['--conditions=react-server', '--import', 'tsx', '--heap-growing-percent=50'],
    exec_mode: 'cluster',
    instances: usesPostgres ? (requested === 'max' ? 'max' : Number(requested)) : 1,
    time: true,
    max_memory_restart: '768M',
    // The server sends 'ready' once it listens, and drains requests on SIGINT before exiting.
    wait_ready: true,
    listen_timeout: 60000,
    kill_timeout: 15000,
    env: { NODE_ENV: 'development' },
    env_production: { NODE_ENV: 'production' },
  },
];
