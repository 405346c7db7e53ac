// BASE_PATH is fixed at build time: server/index.ts refuses to serve a build made for another one.
// Security headers are set by server/index.ts on every response (lib/http/security-headers.ts).
const basePath = (process.env.BASE_PATH || '').replace(/\/+$/, '');

/** @type {import('next').NextConfig} */
const nextConfig = {
  basePath,
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // The build checks the app's own code; `npm run typecheck` also covers tests and scripts.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite'],
};

export default nextConfig;
