import { buildNextApp } from '../../../server/next-build';
import { e2eBasePath, e2eDistDir } from './constants';

// One production build under the base path, in its own folder so it never replaces the build
// that `npm start` serves.
export default function globalSetup(): void {
  console.log(`Building the app for end-to-end tests (BASE_PATH=${e2eBasePath}, ${e2eDistDir})…`);
  if (!buildNextApp({ basePath: e2eBasePath, distDir: e2eDistDir })) throw new Error('The end-to-end build failed.');
}
