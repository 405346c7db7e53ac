import 'server-only';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { listAssets } from '../../lib/assets/queries';
import { assetListSchema, strictAssetListSchema } from '../../lib/assets/schemas';
import { isStaff, type Actor } from '../../lib/actor';
import { loadDashboard } from '../../lib/dashboard/dashboard';
import type { Database } from '../../lib/db/client';
import * as coreSchema from '../../lib/db/schema';
import * as domainSchema from '../../lib/db/schema-domain';
import { pageExactCountUpTo, parseListParamsLeniently, searchParamsToObject } from '../../lib/list-params';
import { listLicenses } from '../../lib/licenses/queries';
import { licenseListSchema } from '../../lib/licenses/schemas';
import { listTickets } from '../../lib/tickets/list';
import { ticketListQuerySchema, ticketQueryObject } from '../../lib/tickets/schemas';
import { readTicketQueue } from '../../app/(app)/tickets/queue-query';
import type { ScalePage } from './scale-pages';

// The query plans behind scenario 3's pages: each page's data-layer calls run once through a
// drizzle instance that records the SQL it sends, then every recorded statement is run again
// under EXPLAIN (ANALYZE, BUFFERS) with the same parameters.

/** executionMs is EXPLAIN ANALYZE's (timing every row inflates it); medianMs is the plain query's over five runs. */
export type QueryPlan = { sql: string; executionMs: number; medianMs: number; plan: string[] };
type Recorded = { query: string; params: unknown[] };

/**
 * What a view of the page or route asks of the data layer (the session check aside, the same for
 * all). The figures pages keep for a few seconds (lib/kept-results.ts: the dashboard's shared
 * figures, the lists' filter choices) are not asked for by a view that finds them kept.
 */
async function runPageQueries(db: Database, actor: Actor, path: string): Promise<void> {
  const url = new URL(path, 'http://bench.invalid');
  const params = url.searchParams;
  if (url.pathname === '/account') return;
  if (url.pathname === '/') await loadDashboard(db, actor, { kept: true });
  else if (url.pathname === '/tickets') {
    // As the page reads it: an agent's queue is open work, soonest SLA due first, unless the URL says otherwise.
    const { query } = readTicketQueue(Object.fromEntries(params), isStaff(actor));
    await listTickets(db, actor, query, { exactCountUpTo: pageExactCountUpTo });
  } else if (url.pathname === '/assets') {
    const query = parseListParamsLeniently(assetListSchema, searchParamsToObject(params));
    await listAssets(db, actor, query, { exactCountUpTo: pageExactCountUpTo });
  } else if (url.pathname === '/api/tickets')
    await listTickets(db, actor, ticketListQuerySchema.parse(ticketQueryObject(params)));
  else if (url.pathname === '/api/assets')
    await listAssets(db, actor, strictAssetListSchema.parse(searchParamsToObject(params)));
  else if (url.pathname === '/api/licenses')
    await listLicenses(db, actor, licenseListSchema.strict().parse(searchParamsToObject(params)));
  else throw new Error(`no query plan mapping for ${path}`);
}

/** Every page's statements with their plans, each distinct statement explained once. */
export async function explainScalePages(
  databaseUrl: string,
  actor: Actor,
  pages: ScalePage[],
): Promise<Record<string, QueryPlan[]>> {
  const client = postgres(databaseUrl, { max: 4, onnotice: () => {} });
  let recorded: Recorded[] = [];
  const db = drizzle(client, {
    schema: { ...coreSchema, ...domainSchema },
    logger: { logQuery: (query, params) => recorded.push({ query, params }) },
  }) as unknown as Database;
  const explained = new Map<string, QueryPlan>();
  const plans: Record<string, QueryPlan[]> = {};
  try {
    for (const page of pages) {
      // A first view fills what pages keep; the second is the one every later view repeats.
      await runPageQueries(db, actor, page.path);
      recorded = [];
      await runPageQueries(db, actor, page.path);
      plans[page.name] = [];
      for (const { query, params } of recorded) {
        const key = `${query}\n${JSON.stringify(params)}`;
        if (!explained.has(key)) explained.set(key, await explain(client, query, params));
        plans[page.name].push(explained.get(key)!);
      }
    }
    return plans;
  } finally {
    await client.end();
  }
}

async function explain(client: postgres.Sql, query: string, params: unknown[]): Promise<QueryPlan> {
  // Once to warm the cache as the load run will have, then the measured time.
  await client.unsafe(query, params as postgres.ParameterOrJSON<never>[]);
  // A list's estimate past its exact count is itself an EXPLAIN (lib/db/count-or-estimate.ts): planned, not run.
  const isEstimate = /^\s*explain\b/i.test(query);
  const rows = isEstimate
    ? []
    : await client.unsafe<{ 'QUERY PLAN': string }[]>(
        `explain (analyze, buffers) ${query}`,
        params as postgres.ParameterOrJSON<never>[],
      );
  const plan = isEstimate
    ? ['(an estimate: the statement is planned, no row is read)']
    : rows.map((row) => row['QUERY PLAN']);
  const executionMs = isEstimate ? 0 : Number(/Execution Time: ([\d.]+) ms/.exec(plan.at(-1) ?? '')?.[1] ?? NaN);
  const runs: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    await client.unsafe(query, params as postgres.ParameterOrJSON<never>[]);
    runs.push(performance.now() - started);
  }
  const medianMs = Number(runs.sort((a, b) => a - b)[2].toFixed(2));
  return { sql: query, executionMs, medianMs, plan };
}
