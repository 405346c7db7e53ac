import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run test:mail` (after its Node suites): mail in and out through the browser, against
// Debian's Dovecot and an SMTP capture server, so it stays out of `npm test`.
export default defineConfig({ ...base, testDir: 'tests/mail-e2e', timeout: 120_000 });
