// npm run test:mail — tickets by email against Debian's Dovecot (dovecot-imapd), which each test
// file starts itself: on PGlite, then on PostgreSQL (TEST_DATABASE_URL when set, else a throwaway
// embedded server), then the browser spec in tests/mail-e2e. Not part of `npm test`, which needs
// nothing but Node.js; `.ci/run` runs it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dovecotBinary, dovecotInstalled } from '../../tests/support/dovecot';

const require = createRequire(import.meta.url);

if (!dovecotInstalled()) {
  console.error(
    `Dovecot is not installed (${dovecotBinary} is missing): install the dovecot-imapd package (apt-get install dovecot-imapd), or set DOVECOT_BINARY.`,
  );
  process.exit(1);
}

// The integration runner picks the database and passes its environment on; only the folder differs.
let failed = 0;
for (const kind of ['pglite', 'postgres']) {
  console.log(`\n=== mail (${kind}) ===`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test/run-integration.ts', kind, 'tests/mail'], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}

console.log('\n=== mail end to end (Playwright, Chromium) ===');
const browser = spawnSync(
  process.execPath,
  [require.resolve('@playwright/test/cli'), 'test', '--config', 'playwright.mail.config.ts'],
  { stdio: 'inherit' },
);
if (browser.status !== 0) failed += 1;
process.exit(failed ? 1 : 0);
