import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeToLookup } from '../../lib/assets/scan-codes';
import { addScan, applyResult, idsToCheckOut } from '../../app/(app)/scan/checkout/scan-list';

describe('what a scanned code names', () => {
  test('our label short URL gives the tag, under any base path', () => {
    assert.deepEqual(codeToLookup('https://it.example.com/itam/a/A-00042'), { tag: 'A-00042', serial: null });
    assert.deepEqual(codeToLookup('http://localhost:3000/a/LAP%2F7'), { tag: 'LAP/7', serial: null });
  });

  test('anything else is a tag or else a serial, trimmed', () => {
    assert.deepEqual(codeToLookup('  SN-99887 \n'), { tag: 'SN-99887', serial: 'SN-99887' });
    assert.deepEqual(codeToLookup('/a/A-1'), { tag: '/a/A-1', serial: '/a/A-1' });
  });
});

describe('the continuous check-out list', () => {
  const asset = (id: string, tag: string) => ({
    id,
    assetTag: tag,
    name: 'Laptop',
    status: 'in_stock' as const,
    version: 1,
    serial: null,
    assignedTo: null,
  });

  test('a second scan of the same asset is flagged, and only sent once', () => {
    let list = addScan([], 'A-1', { found: true, asset: asset('1', 'A-1'), checkOutProblem: null });
    list = addScan(list, 'A-1', { found: true, asset: asset('1', 'A-1'), checkOutProblem: null });
    assert.equal(list[1].problem, 'Already in this list.');
    assert.deepEqual(idsToCheckOut(list), ['1']);
  });

  test('unknown and unavailable items carry their reason and are not sent', () => {
    let list = addScan([], 'X', { found: false, message: 'No asset has the tag or serial number X.' });
    list = addScan(list, 'A-2', {
      found: true,
      asset: asset('2', 'A-2'),
      checkOutProblem: 'Already checked out to Ann.',
    });
    assert.equal(list[0].problem, 'No asset has the tag or serial number X.');
    assert.equal(list[1].problem, 'Already checked out to Ann.');
    assert.deepEqual(idsToCheckOut(list), []);
  });

  test('the answer marks items done or refused', () => {
    let list = addScan([], 'A-1', { found: true, asset: asset('1', 'A-1'), checkOutProblem: null });
    list = addScan(list, 'A-2', { found: true, asset: asset('2', 'A-2'), checkOutProblem: null });
    list = applyResult(list, { checkedOut: [{ id: '1' }], refused: [{ assetId: '2', reason: 'Taken meanwhile.' }] });
    assert.equal(list[0].done, true);
    assert.equal(list[1].problem, 'Taken meanwhile.');
    assert.deepEqual(idsToCheckOut(list), []);
  });
});
