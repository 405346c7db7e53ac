import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import * as relations from './relations';
import * as coreSchema from './schema';
import * as domainSchema from './schema-domain';
import * as catalogSchema from './schema-catalog';
import * as mailSchema from './schema-mail';
import * as ticketActivitySchema from './schema-tickets-activity';
import * as preferencesSchema from './schema-preferences';
import * as oidcSchema from './schema-oidc';
import * as secondFactorSchema from './schema-second-factor';
import * as passkeysSchema from './schema-passkeys';
import * as assetImportSchema from './schema-asset-import';
import * as tokensSchema from './schema-tokens';
import * as bulkSchema from './schema-bulk';
import * as kbSchema from './schema-kb';
import * as placesSchema from './schema-places';
import * as labelsSchema from './schema-labels';
import * as deskSchema from './schema-desk';
import * as slaSchema from './schema-sla';

// The shapes of an open database, apart from the module that opens it (client.ts), so that the
// migrator and the probe can take a handle without importing the client that calls them.

// The tables with their relations (relations.ts), so that `db.query.<table>` is typed and works on
// both drivers: client.ts hands this object to each drizzle() call.
export const schema = {
  ...coreSchema,
  ...domainSchema,
  ...mailSchema,
  ...ticketActivitySchema,
  ...preferencesSchema,
  ...catalogSchema,
  ...oidcSchema,
  ...secondFactorSchema,
  ...passkeysSchema,
  ...assetImportSchema,
  ...tokensSchema,
  ...bulkSchema,
  ...kbSchema,
  ...placesSchema,
  ...labelsSchema,
  ...deskSchema,
  ...slaSchema,
  ...relations,
};

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Runs SQL text that may hold several statements (no parameters) on the driver itself; the rows of the last one. */
  runScript: (text: string) => Promise<unknown[]>;
  close: () => Promise<void>;
};
