import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { maxPreparedTexts, preparationPolicy, preparedAfterUses } from '../../lib/db/prepared-statements';

const useOften = (shouldPrepare: (text: string) => boolean, text: string) =>
  Array.from({ length: preparedAfterUses + 1 }, () => shouldPrepare(text)).at(-1);

describe('which statements are prepared', () => {
  test('a text is sent unnamed until its third use, then prepared every time', () => {
    const shouldPrepare = preparationPolicy();
    const uses = Array.from({ length: preparedAfterUses + 2 }, () => shouldPrepare('select $1'));
    assert.deepEqual(uses, [false, false, true, true, true]);
  });

  test('texts are counted apart', () => {
    const shouldPrepare = preparationPolicy();
    shouldPrepare('select $1');
    shouldPrepare('select $1');
    assert.equal(shouldPrepare('select $2'), false);
    assert.equal(shouldPrepare('select $1'), true);
  });

  test('past the limit of prepared texts a new one stays unnamed, and those prepared stay prepared', () => {
    const shouldPrepare = preparationPolicy();
    for (let index = 0; index < maxPreparedTexts; index++)
      assert.equal(useOften(shouldPrepare, `select ${index}, $1`), true);
    assert.equal(useOften(shouldPrepare, 'select one more, $1'), false);
    assert.equal(shouldPrepare('select 0, $1'), true);
  });

  test('a text search, a LIKE, a page past the first and an EXPLAIN stay unnamed however often they are sent', () => {
    const shouldPrepare = preparationPolicy();
    const planned = [
      `select "id" from "tickets" where "tickets"."search_vector" @@ to_tsquery('simple', $1) limit 25`,
      `select "id" from "users" where ("users"."username" ilike $1 or "users"."display_name" ilike $2)`,
      `select "id" from "audit_log" where "audit_log"."action" like $1`,
      `select "id" from "tickets" where "tickets"."status" = $1 order by "tickets"."id" limit 25 offset $2`,
      `explain (format json) select 1 from "tickets" where "tickets"."status" = $1`,
    ];
    for (const text of planned) assert.equal(useOften(shouldPrepare, text), false, text);
    assert.equal(useOften(shouldPrepare, `select "likes" from "tickets" where "tickets"."status" = $1`), true);
  });
});
