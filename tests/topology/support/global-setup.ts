import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { topologyBasePath, topologyDistDir } from './constants';

const programs = [
  { name: 'nginx', check: ['nginx', '-v'], install: 'nginx (Debian/Ubuntu: apt-get install -y nginx)' },
  { name: 'openssl', check: ['openssl', 'version'], install: 'openssl (Debian/Ubuntu: apt-get install -y openssl)' },
];

export default function globalSetup(): void {
  const missing = programs.filter(
    (program) => spawnSync(program.check[0], program.check.slice(1), { stdio: 'ignore' }).error,
  );
  if (missing.length) {
    throw new Error(
      `The topology tests need system programs that are missing: ${missing.map((program) => program.install).join('; ')}.`,
    );
  }
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  console.log(`Building the app for the topology tests (BASE_PATH=${topologyBasePath}, ${topologyDistDir})…`);
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', BASE_PATH: topologyBasePath, NEXT_DIST_DIR: topologyDistDir },
  });
  if (result.status !== 0) throw new Error('The topology build failed.');
}
