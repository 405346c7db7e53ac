import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { maxPreparedTexts, preparationPolicy, preparedAfterUses } from '../../lib/db/prepared-statements';

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
    const useOften = (text: string) => Array.from({ length: preparedAfterUses }, () => shouldPrepare(text)).at(-1);
    for (let index = 0; index < maxPreparedTexts; index++) assert.equal(useOften(`select ${index}, $1`), true);
    assert.equal(useOften('select one more, $1'), false);
    assert.equal(shouldPrepare('select 0, $1'), true);
  });
});
