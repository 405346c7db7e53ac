import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readTicketQueue } from '../../app/(app)/tickets/queue-query';

// The staff queue opens sorted by SLA due; its CSV export must come out in the order on screen.
test('the export of the staff queue is in the order the page shows, also when no order was chosen', () => {
  const queue = readTicketQueue({}, true);
  assert.equal(queue.query.sort, 'due');
  assert.equal(queue.exportParams.sort, 'due');
  assert.equal(queue.exportParams.dir, queue.query.dir);
  assert.equal('sort' in queue.raw, false, 'the page’s own links stay as they were');

  const chosen = readTicketQueue({ sort: 'created', dir: 'asc', status: 'all' }, true);
  assert.deepEqual(chosen.exportParams, { sort: 'created', dir: 'asc' });
  assert.equal(readTicketQueue({}, false).exportParams.sort, readTicketQueue({}, false).query.sort);
});
