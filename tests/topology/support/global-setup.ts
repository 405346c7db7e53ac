import { spawnSync } from 'node:child_process';
import { buildNextApp } from '../../../server/next-build';
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
  console.log(`Building the app for the topology tests (BASE_PATH=${topologyBasePath}, ${topologyDistDir})…`);
  if (!buildNextApp({ basePath: topologyBasePath, distDir: topologyDistDir }))
    throw new Error('The topology build failed.');
}
