import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// Where the production build is, what it was built for, and how to make one.

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

/**
 * The environment `next build` runs in: a production build for `basePath`, into `distDir` when
 * given. A self-hosted tool sends nothing home: Next.js's telemetry is off unless the operator set
 * NEXT_TELEMETRY_DISABLED themselves.
 */
export function buildEnvironment(options: { basePath: string; distDir?: string }): NodeJS.ProcessEnv {
  return {
    NEXT_TELEMETRY_DISABLED: '1',
    ...process.env,
    NODE_ENV: 'production',
    BASE_PATH: options.basePath,
    ...(options.distDir ? { NEXT_DIST_DIR: options.distDir } : {}),
  };
}

/** Runs `next build` with its output shown; returns whether it succeeded. */
export function buildNextApp(options: { basePath: string; distDir?: string; cwd?: string }): boolean {
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const result = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: options.cwd,
    stdio: 'inherit',
    env: buildEnvironment(options),
  });
  return result.status === 0;
}
