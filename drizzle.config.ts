import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations into drizzle/; they are applied by lib/db/migrate.ts, never pushed.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './lib/db/schema.ts',
    './lib/db/schema-domain.ts',
    './lib/db/schema-mail.ts',
    './lib/db/schema-tickets-activity.ts',
    './lib/db/schema-preferences.ts',
    './lib/db/schema-catalog.ts',
    './lib/db/schema-oidc.ts',
    './lib/db/schema-second-factor.ts',
    './lib/db/schema-passkeys.ts',
    './lib/db/schema-asset-import.ts',
    './lib/db/schema-tokens.ts',
    './lib/db/schema-bulk.ts',
    './lib/db/schema-kb.ts',
    './lib/db/schema-places.ts',
    './lib/db/schema-labels.ts',
    './lib/db/schema-desk.ts',
    './lib/db/schema-sla.ts',
  ],
  out: './drizzle',
});
