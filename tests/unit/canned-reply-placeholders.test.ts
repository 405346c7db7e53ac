import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fillPlaceholders, unknownPlaceholders } from '../../lib/canned-replies/placeholders';

const values = {
  'requester.name': 'Ada Lovelace',
  'requester.username': 'ada',
  'ticket.reference': 'T-00042',
  'ticket.title': 'Laptop does not start',
  'agent.name': 'Grace',
};

test('known placeholders are filled, spaces inside the braces allowed', () => {
  assert.equal(
    fillPlaceholders(
      'Hello {{requester.name}}, about {{ ticket.reference }} ({{ticket.title}}). — {{agent.name}}',
      values,
    ),
    'Hello Ada Lovelace, about T-00042 (Laptop does not start). — Grace',
  );
});

test('unknown placeholders are found once each; known ones and single braces are not', () => {
  assert.deepEqual(unknownPlaceholders('{{requester.nmae}} {{ticket.reference}} {{requester.nmae}} {{}} {x}'), [
    'requester.nmae',
    '',
  ]);
  assert.deepEqual(unknownPlaceholders('Hi {{requester.username}}'), []);
});
