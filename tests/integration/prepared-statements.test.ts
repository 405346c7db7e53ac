import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../lib/db/client';
import { queryRows } from '../../lib/db/rows';
import { testDbKind, useTestDatabase } from '../support/test-database';

// PostgreSQL only: the embedded database has no statements to prepare across connections.
const onPostgres = { skip: testDbKind() === 'pglite' };

describe('prepared statements on PostgreSQL', onPostgres, async () => {
  const database = await useTestDatabase();
  const handles: DatabaseHandle[] = [];
  after(() => Promise.all(handles.map((handle) => handle.close())));

  // One connection, so that the statements it lists are those the queries before it prepared.
  async function oneConnection(preparedStatements: boolean) {
    const url = database.config.database.kind === 'postgres' ? database.config.database.url : '';
    const handle = await openDatabase({ kind: 'postgres', url, preparedStatements }, { migrate: false, poolSize: 1 });
    handles.push(handle);
    const countUsers = async (username: string) => {
      const [row] = await queryRows<{ count: number }>(
        handle.db,
        sql`select count(*)::int as count from users where username = ${username}`,
      );
      return row.count;
    };
    for (const username of ['ana', 'ben', 'chloe', 'dev']) assert.equal(await countUsers(username), 0);
    const [settings] = await queryRows<{ mode: string; prepared: string[] }>(
      handle.db,
      sql`select current_setting('plan_cache_mode') as mode,
                 coalesce(array_agg(statement) filter (where statement like '%from users where username%'), '{}') as prepared
            from pg_prepared_statements`,
    );
    return settings;
  }

  test('a statement sent often is prepared once and planned for its parameters each time', async () => {
    const { mode, prepared } = await oneConnection(true);
    assert.equal(mode, 'force_custom_plan');
    assert.equal(prepared.length, 1);
  });

  test('DATABASE_PREPARED_STATEMENTS=false sends every statement unnamed', async () => {
    const { mode, prepared } = await oneConnection(false);
    assert.equal(mode, 'auto');
    assert.deepEqual(prepared, []);
  });
});
