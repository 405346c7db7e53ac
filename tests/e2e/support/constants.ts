export const e2eBasePath = '/it-assets-manager';
// E2E_DIST_DIR lets two builds exist side by side (e.g. two people testing at once).
export const e2eDistDir = process.env.E2E_DIST_DIR || '.next-e2e';
// A fixed test secret: the server runs with NODE_ENV=production, which requires one.
export const e2eSessionSecret = 'e2e-test-secret-0123456789-abcdefghijklmnop';
