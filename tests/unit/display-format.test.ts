import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../../lib/config';
import { AppError } from '../../lib/errors';
import { formatDateTime, formatMoney, formatRelative } from '../../lib/format';
import { formatCount, formatTotal } from '../../lib/format-count';
import { validTimeZone } from '../../lib/time-zones';

const moment = new Date('2026-03-14T09:05:00Z');

describe('formatDateTime', () => {
  test('writes one format, in the zone asked for', () => {
    assert.equal(formatDateTime(moment, 'UTC'), '14 Mar 2026, 09:05 UTC');
    assert.equal(formatDateTime(moment, 'Asia/Tokyo'), '14 Mar 2026, 18:05 GMT+9');
  });

  test('outside a request with a known zone it falls back to UTC', () => {
    assert.equal(formatDateTime(moment.toISOString()), '14 Mar 2026, 09:05 UTC');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-03-14T12:00:00Z');
  test('reads recent moments as "… ago"', () => {
    assert.equal(formatRelative(new Date('2026-03-14T11:59:40Z'), now), 'just now');
    assert.equal(formatRelative(new Date('2026-03-14T11:48:00Z'), now), '12 min ago');
    assert.equal(formatRelative(moment, now), '2 h ago');
    assert.equal(formatRelative(new Date('2026-03-13T10:00:00Z'), now), 'yesterday');
    assert.equal(formatRelative(new Date('2026-03-10T10:00:00Z'), now), '4 days ago');
  });

  test('leaves old and future moments to the exact time', () => {
    assert.equal(formatRelative(new Date('2026-03-01T10:00:00Z'), now), null);
    assert.equal(formatRelative(new Date('2026-03-15T10:00:00Z'), now), null);
  });
});

describe('validTimeZone', () => {
  test('accepts IANA zones and UTC, canonicalising aliases', () => {
    assert.equal(validTimeZone('Europe/Berlin'), 'Europe/Berlin');
    assert.equal(validTimeZone('UTC'), 'UTC');
    assert.equal(validTimeZone('US/Eastern'), 'America/New_York');
  });

  test('refuses anything else', () => {
    for (const value of ['', 'Mars/Olympus', 'Europe/Berlin; drop table', '../etc/passwd', 'x'.repeat(100), null]) {
      assert.equal(validTimeZone(value), null, String(value));
    }
  });
});

describe('money and CURRENCY', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const env = (extra: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-currency-'));
    dirs.push(dir);
    return { NODE_ENV: 'test', DATA_DIR: dir, SESSION_SECRET: 'a'.repeat(32), ...extra };
  };

  test('an amount is written with its currency', () => {
    assert.equal(formatMoney('1299.00', 'EUR'), '€1,299.00');
    assert.equal(formatMoney('1299.5', 'USD'), 'US$1,299.50');
  });

  test('CURRENCY defaults to USD and takes an ISO 4217 code in any case', () => {
    assert.equal(loadConfig(env({})).currency, 'USD');
    assert.equal(loadConfig(env({ CURRENCY: 'eur' })).currency, 'EUR');
  });

  test('a code that is no currency is refused with one sentence', () => {
    assert.throws(
      () => loadConfig(env({ CURRENCY: 'EURO' })),
      (error) =>
        error instanceof AppError && /CURRENCY must be an ISO 4217 currency code.*got "EURO"/.test(error.message),
    );
  });
});

describe('counts and list totals', () => {
  test('a count has thousands separators', () => {
    assert.equal(formatCount(11774), '11,774');
  });

  test('an exact total is written in full, an estimate as "about" three significant figures', () => {
    assert.equal(formatTotal(11774), '11,774');
    assert.equal(formatTotal(11774, true), 'about 11,800');
    assert.equal(formatTotal(1001, true), 'about 1,000');
    assert.equal(formatTotal(250_449, true), 'about 250,000');
  });
});
