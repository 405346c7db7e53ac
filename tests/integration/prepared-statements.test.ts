import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
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
    const sendOften = async (query: (username: string) => SQL) => {
      for (const username of ['ana', 'ben', 'chloe', 'dev', 'eve', 'fay', 'gus', 'hal'])
        assert.equal((await queryRows(handle.db, query(username))).length, 0);
    };
    await sendOften((username) => sql`select id from users where username = ${username}`);
    await sendOften((username) => sql`select id from users where display_name ilike ${username}`);
    const [settings] = await queryRows<{ mode: string; byName: { statement: string; generic: number }[] }>(
      handle.db,
      sql`select current_setting('plan_cache_mode') as mode,
                 coalesce(json_agg(json_build_object('statement', statement, 'generic', generic_plans))
                   filter (where statement like '%from users where%'), '[]') as "byName"
            from pg_prepared_statements`,
    );
    return settings;
  }

  test('a statement sent often is prepared once, and planned once for every value when that costs no more', async () => {
    const { mode, byName } = await oneConnection(true);
    assert.equal(mode, 'auto');
    assert.equal(byName.length, 1);
    assert.match(byName[0].statement, /where username = \$1/);
    assert.ok(byName[0].generic > 0, 'PostgreSQL kept one plan for every username');
  });

  test('a text search sent often stays unnamed, so it is planned for its words each time', async () => {
    const { byName } = await oneConnection(true);
    assert.ok(byName.every((row) => !/ilike/.test(row.statement)));
  });

  test('DATABASE_PREPARED_STATEMENTS=false sends every statement unnamed', async () => {
    const { mode, byName } = await oneConnection(false);
    assert.equal(mode, 'auto');
    assert.deepEqual(byName, []);
  });
});
