import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, test } from 'node:test';
import { changesCommitted, keptResults } from '../../lib/kept-results';

/** A piece of work that answers how many times it has run. */
function counter() {
  let runs = 0;
  return { work: () => Promise.resolve(++runs), runs: () => runs };
}

describe('kept results', () => {
  test('a second request within the time is answered from memory', async () => {
    const kept = keptResults<number>('test-within', { keptForMs: 60_000, max: 10 });
    const figures = counter();
    await kept.get('today', figures.work);
    assert.equal(await kept.get('today', figures.work), 1);
    assert.equal(figures.runs(), 1);
  });

  test('each key is worked out on its own', async () => {
    const kept = keptResults<number>('test-keys', { keptForMs: 60_000, max: 10 });
    const figures = counter();
    await kept.get('monday', figures.work);
    assert.equal(await kept.get('tuesday', figures.work), 2);
  });

  test('past its time, a result is worked out again', async () => {
    const kept = keptResults<number>('test-expiry', { keptForMs: 20, max: 10 });
    const figures = counter();
    await kept.get('today', figures.work);
    await sleep(60);
    assert.equal(await kept.get('today', figures.work), 2);
  });

  test('a change committed by this process drops what was kept, so its author sees it at once', async () => {
    const kept = keptResults<number>('test-change', { keptForMs: 60_000, max: 10 });
    const figures = counter();
    await kept.get('today', figures.work);
    changesCommitted();
    assert.equal(await kept.get('today', figures.work), 2);
    assert.equal(await kept.get('today', figures.work), 2);
  });

  test('requests that arrive while the work runs wait for its one answer', async () => {
    const kept = keptResults<number>('test-concurrent', { keptForMs: 60_000, max: 10 });
    let runs = 0;
    const slow = async () => {
      runs += 1;
      await sleep(20);
      return 42;
    };
    const answers = await Promise.all([kept.get('today', slow), kept.get('today', slow), kept.get('today', slow)]);
    assert.deepEqual(answers, [42, 42, 42]);
    assert.equal(runs, 1);
  });

  test('kept for no time (SESSION_CHECK_CACHE=0 for the viewer facts), every request works it out', async () => {
    const kept = keptResults<number>('test-never', { keptForMs: () => 0, max: 10 });
    const figures = counter();
    await kept.get('today', figures.work);
    assert.equal(await kept.get('today', figures.work), 2);
  });

  test('a query that runs again on every await (a drizzle builder) runs once', async () => {
    const kept = keptResults<number>('test-thenable', { keptForMs: 60_000, max: 10 });
    let runs = 0;
    const query = { then: (resolve: (value: number) => void) => resolve((runs += 1)) } as PromiseLike<number>;
    await kept.get('today', () => query);
    assert.equal(await kept.get('today', () => query), 1);
    assert.equal(runs, 1);
  });

  test('a failure is not kept: the next request tries again', async () => {
    const kept = keptResults<number>('test-failure', { keptForMs: 60_000, max: 10 });
    await assert.rejects(
      kept.get('today', () => Promise.reject(new Error('database gone'))),
      /database gone/,
    );
    assert.equal(await kept.get('today', () => Promise.resolve(7)), 7);
  });
});
