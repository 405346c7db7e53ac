import fs from 'node:fs';
import path from 'node:path';

export function distDirectory(projectRoot: string): string {
  return path.join(projectRoot, process.env.NEXT_DIST_DIR || '.next');
}

/** The base path a production build was made for, or null when there is no complete build. */
export function builtBasePath(projectRoot: string): string | null {
  try {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(distDirectory(projectRoot), 'routes-manifest.json'), 'utf8'),
    ) as {
      basePath?: string;
    };
    if (!fs.existsSync(path.join(distDirectory(projectRoot), 'BUILD_ID'))) return null;
    return manifest.basePath ?? '';
  } catch {
    return null;
  }
}
