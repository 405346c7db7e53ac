import assert from 'node:assert/strict';
import { mock, test } from 'node:test';
import { checkOutSchema } from '../../lib/assets/schemas';
import { todayIsoDate } from '../../lib/format';

// "Not in the past" must hold for the person choosing the date, wherever they are: at 18:00 on
// 7 December in Chicago it is already the 8th in UTC, and the 7th is still their today.
const userId = '6b1f8f3e-7a57-4c35-9d62-6a1c2e0f4b11';
const expectedReturnProblem = (expectedReturn: string) => {
  const parsed = checkOutSchema.safeParse({ userId, expectedReturn });
  return parsed.success ? null : parsed.error.issues[0].message;
};

test('an expected return of today where the person is is taken, in any time zone; yesterday everywhere is refused', () => {
  mock.timers.enable({ apis: ['Date'], now: new Date('2026-12-08T00:30:00Z') });
  try {
    assert.equal(todayIsoDate('America/Chicago'), '2026-12-07');
    assert.equal(todayIsoDate('Asia/Tokyo'), '2026-12-08');
    assert.equal(expectedReturnProblem('2026-12-07'), null);
    assert.equal(expectedReturnProblem('2026-12-08'), null);
    assert.equal(expectedReturnProblem('2026-12-06'), 'The expected return cannot be in the past.');
  } finally {
    mock.timers.reset();
  }
});
