// BASE_PATH is fixed at build time: server/index.ts refuses to serve a build made for another one.
// Security headers are set by server/index.ts on every response (lib/http/security-headers.ts).
const basePath = (process.env.BASE_PATH || '').replace(/\/+$/, '');

// Ticket forms send up to 10 files of ATTACHMENT_MAX_BYTES each (maxUploadBodyBytes in
// lib/tickets/attachments.ts: the same sum, with 1 MB for the text and the multipart envelope).
// Next.js fixes these body limits when it builds, so they come from the build's environment, with
// the app's default; raising ATTACHMENT_MAX_BYTES later needs a rebuild. Routes still refuse big
// bodies themselves (lib/http/limited-body.ts), so this raises no other route's limit.
const attachmentMaxBytes = Number(process.env.ATTACHMENT_MAX_BYTES) || 10 * 1024 * 1024;
const uploadBodyBytes = attachmentMaxBytes * 10 + 1024 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  basePath,
  // Browser code that calls the JSON API itself (the pickers' searches) needs the base path too.
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // The build checks the app's own code; `npm run typecheck` also covers tests and scripts.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite'],
  experimental: {
    // Server actions take 1 MB by default; the middleware passes on only the first 10 MB of a body.
    serverActions: { bodySizeLimit: uploadBodyBytes },
    proxyClientMaxBodySize: uploadBodyBytes,
  },
};

export default nextConfig;
