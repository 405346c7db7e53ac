import { spawnSync } from 'node:child_process';
import type { AppServer } from './app-server';
import { e2eBasePath, e2eSessionSecret } from './constants';

/** Runs `statement` against `app`'s embedded database; only while the app is stopped (one process holds PGlite). */
export function runSql(app: AppServer, statement: string): void {
  const result = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'tests/e2e/support/run-sql-main.ts'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        BASE_PATH: e2eBasePath,
        DATA_DIR: app.dataDir,
        SESSION_SECRET: e2eSessionSecret,
      },
      input: statement,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`SQL failed: ${result.stderr}`);
}
