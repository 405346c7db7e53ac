import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeAction, describeEntryAction, describeTarget, type AuditNames } from '../../lib/audit/describe-audit';
import { describeDetails } from '../../lib/audit/describe-details';

const rita = '00000000-0000-4000-8000-00000000000a';
const laptop = '00000000-0000-4000-8000-00000000000b';
const names: AuditNames = {
  users: new Map([[rita, { displayName: 'Rita Reyes', username: 'rita' }]]),
  tickets: new Map([['t1', 1001]]),
  assets: new Map([[laptop, 'A-00042']]),
  licenses: new Map(),
};

describe('the audit log in words', () => {
  test('actions read as words; an unknown code as its last part; a status-only update says so', () => {
    assert.equal(describeAction('asset.checkout'), 'Checked out');
    assert.equal(describeAction('license.key_reveal'), 'Key revealed');
    assert.equal(describeAction('ticket.requester_reopened'), 'Requester reopened');
    assert.equal(
      describeEntryAction('ticket.update', { changes: { status: { from: 'new', to: 'open' } } }),
      'Status changed',
    );
    assert.equal(describeEntryAction('asset.update', { changed: ['status'] }), 'Status changed');
    assert.equal(describeEntryAction('asset.update', { changed: ['status', 'name'] }), 'Asset updated');
  });

  test('records by reference, tag or name; as recorded when gone; a session never by its id', () => {
    assert.deepEqual(describeTarget('ticket', 't1', null, names), { kind: 'ticket', id: 't1', label: 'T-1001' });
    assert.deepEqual(describeTarget('ticket', 't2', { reference: 'T-7' }, names), {
      kind: 'ticket',
      id: null,
      label: 'T-7 (gone)',
    });
    assert.deepEqual(describeTarget('user', rita, null, names), { kind: 'user', id: rita, label: 'Rita Reyes (rita)' });
    assert.deepEqual(describeTarget('session', 'a-session-id', null, names), {
      kind: 'session',
      id: null,
      label: 'Session',
    });
    assert.equal(describeTarget(null, null, null, names), null);
  });

  test('details give which fields changed and to whom, never the values of texts, keys or addresses', () => {
    const description = 'A long description with a password hunter2 in it';
    const update = describeDetails(
      'ticket.update',
      { changes: { status: { from: 'open', to: 'resolved' }, description: { from: '', to: description } } },
      names,
    );
    assert.equal(update, 'Status: Open → Resolved; Changed: description');
    assert.equal(
      describeDetails('license.update', { changes: { productKey: { from: 'set', to: 'set' } } }, names),
      'Changed: product key',
    );
    assert.equal(
      describeDetails(
        'user.details_change',
        { from: { email: 'a@example.com' }, to: { email: 'b@example.com' } },
        names,
      ),
      'Changed: email',
    );
    assert.equal(
      describeDetails('asset.checkout', { userId: rita, username: 'old-name' }, names),
      'To Rita Reyes (rita)',
    );
    assert.equal(describeDetails('license.seat_assign', { assetId: laptop, assetTag: 'OLD' }, names), 'To A-00042');
    assert.equal(describeDetails('ticket.link_asset', { assetId: laptop }, names), 'A-00042');
    assert.equal(
      describeDetails(
        'catalog.rename',
        { kind: 'ticket_category', from: 'Printrs', to: 'Printers', tickets: 2 },
        names,
      ),
      '“Printrs” → “Printers”, on 2 tickets',
    );
    assert.equal(
      describeDetails('catalog.rename', { kind: 'category', from: 'Desk', to: 'Desks', assets: 1 }, names),
      '“Desk” → “Desks”, on 1 asset',
    );
    assert.equal(
      describeDetails('catalog.rename', { kind: 'kb_category', from: 'VPN', to: 'Remote access', articles: 3 }, names),
      '“VPN” → “Remote access”, on 3 articles',
    );
    assert.equal(describeAction('kb_article.solved'), 'Article solved a problem');
    assert.equal(describeAction('catalog.remove'), 'List value removed');
    assert.equal(describeDetails('something.new', { secret: 'x' }, names), null);
  });
});
