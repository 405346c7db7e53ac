import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { e2eBasePath, e2eDistDir } from './constants';

// One production build under the base path, in its own folder so it never replaces the build
// that `npm start` serves.
export default function globalSetup(): void {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  console.log(`Building the app for end-to-end tests (BASE_PATH=${e2eBasePath}, ${e2eDistDir})…`);
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', BASE_PATH: e2eBasePath, NEXT_DIST_DIR: e2eDistDir },
  });
  if (result.status !== 0) throw new Error('The end-to-end build failed.');
}
