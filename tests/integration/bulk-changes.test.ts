import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { checkOutAsset } from '../../lib/assets/assignments';
import { createAsset, updateAsset } from '../../lib/assets/mutations';
import { findAsset } from '../../lib/assets/queries';
import { listAuditEntries } from '../../lib/audit/queries';
import { findBulkAction } from '../../lib/bulk/actions';
import { applyBulkChange, applyNextChunk, bulkChunkSize } from '../../lib/bulk/apply';
import { runBulkChangeJob } from '../../lib/bulk/job';
import { previewBulkChange, type BulkPreviewInput } from '../../lib/bulk/preview';
import { findBulkChange, listBulkChangeItems } from '../../lib/bulk/queries';
import { bulkChanges } from '../../lib/db/schema-bulk';
import { assets } from '../../lib/db/schema-domain';
import { AppError } from '../../lib/errors';
import { createLocation } from '../../lib/locations/mutations';
import { createTicket } from '../../lib/tickets/mutations';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

const { db, rows, kind } = await useTestDatabase();

const agent = actorFor(await createTestUser(db, { role: 'agent' }));
const otherAgent = actorFor(await createTestUser(db, { role: 'agent' }));
const admin = actorFor(await createTestUser(db, { role: 'admin' }));
const requester = actorFor(await createTestUser(db, { role: 'requester' }));
const holder = await createTestUser(db, { role: 'requester' });

let counter = 0;
const newAsset = (fields: Record<string, unknown> = {}) =>
  db.transaction((tx) =>
    createAsset(tx, agent, { assetTag: `BLK-${Date.now().toString(36)}-${++counter}`, name: 'Laptop', ...fields }),
  );
const preview = (actor: typeof agent, input: Omit<BulkPreviewInput, 'scope'>) =>
  db.transaction((tx) => previewBulkChange(tx, actor, { scope: 'test', ...input }));
const itemsOf = async (id: string, actor = agent) =>
  (await listBulkChangeItems(db, actor, id, { page: 1, pageSize: 100 })).items;

describe('bulk change preview', () => {
  test('says which assets will change and why the others cannot, changing nothing', async () => {
    const inStock = await newAsset();
    const retired = await newAsset({ status: 'retired' });
    const out = await newAsset();
    await db.transaction((tx) => checkOutAsset(tx, agent, { assetId: out.id, userId: holder.id }));

    const checkOut = await preview(agent, {
      action: 'asset.checkout',
      params: { userId: holder.id },
      selection: { target: 'asset', ids: [inStock.id, retired.id, out.id] },
    });
    const reasons = Object.fromEntries((await itemsOf(checkOut)).map((item) => [item.itemId, item]));
    assert.equal(reasons[inStock.id].plan, 'change');
    assert.equal(reasons[inStock.id].reason, null);
    assert.equal(reasons[retired.id].reason, 'Retired assets cannot be checked out.');
    assert.match(reasons[out.id].reason!, /^Already checked out to /);
    assert.equal((await findAsset(db, agent, inStock.id)).assignedTo, null, 'a preview changes nothing');

    const checkIn = await preview(agent, {
      action: 'asset.checkin',
      params: {},
      selection: { target: 'asset', ids: [inStock.id, out.id] },
    });
    const checkInItems = await itemsOf(checkIn);
    assert.equal(checkInItems.find((item) => item.itemId === inStock.id)!.reason, 'Already checked in.');
    assert.equal(checkInItems.find((item) => item.itemId === out.id)!.plan, 'change');
    const view = await findBulkChange(db, agent, checkIn);
    assert.deepEqual([view.state, view.counts.planned, view.counts.refused], ['previewed', 1, 1]);
    assert.equal(view.description, 'Check in, as In stock');
  });

  test('tickets: a refused transition and a ticket the actor may not see are named', async () => {
    const mine = await db.transaction((tx) => createTicket(tx, requester, { title: 'Printer' }));
    const closed = await db.transaction((tx) => createTicket(tx, requester, { title: 'Old' }));
    await applyTicketStatus([closed.id], 'closed');
    const missing = '00000000-0000-4000-8000-000000000000';
    const id = await preview(agent, {
      action: 'ticket.status',
      params: { status: 'resolved' },
      selection: { target: 'ticket', ids: [mine.id, closed.id, missing] },
    });
    const items = await itemsOf(id);
    assert.equal(items.find((item) => item.itemId === mine.id)!.plan, 'change');
    assert.equal(
      items.find((item) => item.itemId === closed.id)!.reason,
      'A closed ticket cannot be set to resolved. Allowed: open.',
    );
    assert.equal(
      items.find((item) => item.itemId === missing)!.reason,
      'You may not change this ticket, or it no longer exists.',
    );
  });

  test('requesters get "not found"; a bad parameter is a message on its field', async () => {
    await assert.rejects(
      preview(requester, {
        action: 'ticket.priority',
        params: { priority: 'high' },
        selection: { target: 'ticket', ids: [] },
      }),
      (error) => error instanceof AppError && error.code === 'not_found',
    );
    await assert.rejects(
      preview(agent, {
        action: 'asset.status',
        params: { status: 'deployed' },
        selection: { target: 'asset', ids: [] },
      }),
      (error) => error instanceof AppError && error.code === 'validation_failed' && Boolean(error.fields?.status),
    );
  });
});

async function applyTicketStatus(ids: string[], status: string) {
  const id = await preview(agent, {
    action: 'ticket.status',
    params: { status },
    selection: { target: 'ticket', ids },
  });
  return applyBulkChange(db, agent, id);
}

describe('bulk change apply', () => {
  test('an asset changed by someone else since the preview is reported, not overwritten; each change has its audit row with the batch id', async () => {
    const first = await newAsset();
    const second = await newAsset();
    const third = await newAsset();
    const id = await preview(agent, {
      action: 'asset.status',
      params: { status: 'in_repair' },
      selection: { target: 'asset', ids: [first.id, second.id, third.id] },
    });
    // Between the preview and the apply, another agent edits the second asset.
    await db.transaction((tx) =>
      updateAsset(tx, otherAgent, { assetId: second.id, version: second.version, status: 'lost' }),
    );

    assert.equal(await applyBulkChange(db, agent, id), 'done');
    assert.equal((await findAsset(db, agent, first.id)).status, 'in_repair');
    assert.equal((await findAsset(db, agent, second.id)).status, 'lost', 'the other agent’s change stands');
    const items = await itemsOf(id);
    const stale = items.find((item) => item.itemId === second.id)!;
    assert.equal(stale.outcome, 'stale');
    assert.equal(stale.outcomeReason, `Changed by ${otherAgent.username} since the preview; left as it is.`);
    const view = await findBulkChange(db, agent, id);
    assert.deepEqual([view.state, view.counts.changed, view.counts.stale], ['done', 2, 1]);

    const batchRows = await rows<{ target_id: string; action: string }>(
      sql`select target_id, action from audit_log where details->>'batchId' = ${id} order by id`,
    );
    assert.deepEqual(batchRows.map((row) => row.target_id).sort(), [first.id, third.id].sort());
    assert.ok(batchRows.every((row) => row.action === 'asset.update'));
    const page = await listAuditEntries(db, admin, { page: 1, pageSize: 50, dir: 'desc', batch: id });
    assert.equal(page.total, 2, 'the audit log shows the batch');

    await assert.rejects(applyBulkChange(db, agent, id), /already applied/);
    await assert.rejects(
      applyBulkChange(db, otherAgent, id),
      (error) => error instanceof AppError && error.code === 'not_found',
      'only the person who previewed it applies it',
    );
  });

  test(
    'an asset edited while its chunk waits is refused, not overwritten; a changed one gets the audit row an edit writes',
    { skip: kind === 'pglite' && 'needs a second connection to edit meanwhile' },
    async () => {
      const kept = await newAsset();
      const edited = await newAsset();
      const id = await preview(agent, {
        action: 'asset.status',
        params: { status: 'retired' },
        selection: { target: 'asset', ids: [kept.id, edited.id] },
      });
      // Another agent's edit holds the row's lock while the change reaches it, then commits.
      let commitEdit!: () => void;
      let editWritten!: () => void;
      const written = new Promise<void>((resolve) => (editWritten = resolve));
      const editing = db.transaction(async (tx) => {
        await updateAsset(tx, otherAgent, { assetId: edited.id, version: edited.version, status: 'lost' });
        editWritten();
        await new Promise<void>((resolve) => (commitEdit = resolve));
      });
      await written;
      const applying = applyBulkChange(db, agent, id);
      const waitingOnLock = async () =>
        (
          await rows<{ waiting: number }>(
            sql`select count(*)::int as waiting from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
          )
        )[0].waiting > 0;
      while (!(await waitingOnLock())) await new Promise((resolve) => setTimeout(resolve, 20));
      commitEdit();
      await editing;
      assert.equal(await applying, 'done');

      assert.equal((await findAsset(db, agent, edited.id)).status, 'lost', 'the other agent’s change stands');
      const items = await itemsOf(id);
      const stale = items.find((item) => item.itemId === edited.id)!;
      assert.equal(stale.outcome, 'stale');
      assert.equal(stale.outcomeReason, `Changed by ${otherAgent.username} since the preview; left as it is.`);
      const changed = await findAsset(db, agent, kept.id);
      assert.deepEqual([changed.status, changed.version], ['retired', kept.version + 1]);
      const audit = await rows<{ target_id: string; actor_id: string; details: unknown }>(
        sql`select target_id, actor_id, details from audit_log where details->>'batchId' = ${id}`,
      );
      assert.deepEqual(
        [...audit],
        [
          {
            target_id: kept.id,
            actor_id: agent.id,
            details: {
              assetTag: kept.assetTag,
              changed: ['status'],
              changes: { status: { from: 'in_stock', to: 'retired' } },
              batchId: id,
            },
          },
        ],
      );
    },
  );

  test('tickets: close with a reply, and "all matching" a filter', async () => {
    const tag = `bulkclose${Date.now().toString(36)}`;
    const made = [];
    for (let n = 0; n < 3; n++)
      made.push(await db.transaction((tx) => createTicket(tx, requester, { title: `Toner ${tag} ${n}` })));
    const id = await preview(agent, {
      action: 'ticket.close',
      params: { body: 'Fixed by the new toner.' },
      selection: { target: 'ticket', filters: { view: 'all', sort: 'updated', dir: 'desc', q: tag } },
    });
    assert.equal((await findBulkChange(db, agent, id)).counts.planned, 3);
    await applyBulkChange(db, agent, id);
    const closed = await rows<{ status: string; comments: number }>(
      sql`select status, (select count(*)::int from ticket_comments c where c.ticket_id = t.id and c.body = 'Fixed by the new toner.') as comments
          from tickets t where t.id in (${sql.join(
            made.map((ticket) => sql`${ticket.id}`),
            sql`, `,
          )})`,
    );
    assert.deepEqual(
      closed.map((row) => [row.status, row.comments]),
      [
        ['closed', 1],
        ['closed', 1],
        ['closed', 1],
      ],
    );
  });
});

describe('a large bulk change runs as a job', () => {
  test('queued past the threshold; a run stopped midway resumes with the items left and changes each once', async () => {
    const size = bulkChunkSize + 30;
    const inserted = await db
      .insert(assets)
      .values(
        Array.from({ length: size }, (_, n) => ({
          assetTag: `JOB-${Date.now().toString(36)}-${n}`,
          name: 'Dock',
          category: 'Other',
        })),
      )
      .returning({ id: assets.id });
    const ids = inserted.map((row) => row.id);
    const id = await preview(agent, {
      action: 'asset.status',
      params: { status: 'retired' },
      selection: { target: 'asset', ids },
    });

    assert.equal(await applyBulkChange(db, agent, id, { jobThreshold: 10 }), 'queued');
    const jobs = await rows<{ count: number }>(
      sql`select count(*)::int as count from pgboss.job where name = 'bulk-change' and data->>'bulkChangeId' = ${id}`,
    );
    assert.equal(jobs[0].count, 1);
    assert.equal((await findBulkChange(db, agent, id)).state, 'queued');

    // The first worker gets through one chunk, then dies.
    const [change] = await db
      .select()
      .from(bulkChanges)
      .where(sql`${bulkChanges.id} = ${id}`);
    assert.equal(await applyNextChunk(db, agent, change, findBulkAction('asset.status')!), bulkChunkSize);
    assert.equal((await findBulkChange(db, agent, id)).counts.done, bulkChunkSize);

    // The job runs again (a retry after expiry): it finishes the rest; a third run finds nothing to do.
    await runBulkChangeJob({ bulkChangeId: id });
    await runBulkChangeJob({ bulkChangeId: id });
    const view = await findBulkChange(db, agent, id);
    assert.deepEqual([view.state, view.counts.changed, view.counts.done], ['done', size, size]);
    const audit = await rows<{ count: number; items: number }>(
      sql`select count(*)::int as count, count(distinct target_id)::int as items from audit_log where details->>'batchId' = ${id}`,
    );
    assert.deepEqual([audit[0].count, audit[0].items], [size, size], 'one audit row per item, none twice');
    const retired = await rows<{ count: number }>(
      sql`select count(*)::int as count from assets where status = 'retired' and id in (${sql.join(
        ids.map((item) => sql`${item}`),
        sql`, `,
      )})`,
    );
    assert.equal(retired[0].count, size);
  });

  test('someone deactivated before their job runs changes nothing, not even their own tickets; each item says why', async () => {
    const leaver = actorFor(await createTestUser(db, { role: 'agent' }));
    const own = await db.transaction((tx) => createTicket(tx, leaver, { title: 'My own laptop' }));
    const theirs = await db.transaction((tx) => createTicket(tx, requester, { title: 'Someone else’s' }));
    const id = await preview(leaver, {
      action: 'ticket.close',
      params: { body: 'Closing out before I go.' },
      selection: { target: 'ticket', ids: [own.id, theirs.id] },
    });
    assert.equal(await applyBulkChange(db, leaver, id, { jobThreshold: 1 }), 'queued');
    await rows(sql`update users set active = false where id = ${leaver.id}`);
    await runBulkChangeJob({ bulkChangeId: id });
    const tickets = await rows<{ status: string }>(
      sql`select status from tickets where id in (${own.id}, ${theirs.id})`,
    );
    assert.deepEqual(
      tickets.map((ticket) => ticket.status),
      ['new', 'new'],
    );
    const items = await rows<{ outcome: string; outcome_reason: string }>(
      sql`select outcome, outcome_reason from bulk_change_items where bulk_change_id = ${id}`,
    );
    assert.deepEqual(
      items.map((item) => [item.outcome, item.outcome_reason]),
      [
        ['skipped', 'Not applied: whoever applied this change may no longer make bulk changes.'],
        ['skipped', 'Not applied: whoever applied this change may no longer make bulk changes.'],
      ],
    );
    const [change] = await rows<{ state: string }>(sql`select state from bulk_changes where id = ${id}`);
    assert.equal(change.state, 'done');
  });
});

describe('a small change applied in the request', () => {
  test('leaves a delayed job behind, which finishes it should the request be cut short', async () => {
    const first = await newAsset();
    const second = await newAsset();
    const id = await preview(agent, {
      action: 'asset.status',
      params: { status: 'in_repair' },
      selection: { target: 'asset', ids: [first.id, second.id] },
    });
    assert.equal(await applyBulkChange(db, agent, id), 'done');
    const [job] = await rows<{ later: boolean }>(
      sql`select start_after > now() + interval '60 seconds' as later from pgboss.job
          where name = 'bulk-change' and data->>'bulkChangeId' = ${id}`,
    );
    assert.equal(job?.later, true, 'a safety-net job waits well past the request');
    await runBulkChangeJob({ bulkChangeId: id });
    const view = await findBulkChange(db, agent, id);
    assert.deepEqual([view.state, view.counts.changed], ['done', 2], 'the job finds it done and changes nothing more');
  });
});

describe('moving assets to a place', () => {
  test('moves each asset through the asset rules, and one already there is left alone', async () => {
    const room = await db.transaction((tx) => createLocation(tx, agent, { name: `Room ${++counter}` }));
    const here = await newAsset({ locationId: room.id });
    const elsewhere = await newAsset();
    const id = await preview(agent, {
      action: 'asset.location',
      params: { locationId: room.id },
      selection: { target: 'asset', ids: [here.id, elsewhere.id] },
    });
    const items = await itemsOf(id);
    assert.equal(items.find((item) => item.itemId === here.id)!.reason, 'Already there.');
    assert.equal((await findBulkChange(db, agent, id)).description, `Move them to ${room.path}`);
    assert.equal(await applyBulkChange(db, agent, id), 'done');
    const moved = await findAsset(db, agent, elsewhere.id);
    assert.deepEqual([moved.locationId, moved.location], [room.id, room.path]);
  });

  test('a place that does not exist is refused on its field, before any item is planned', async () => {
    const asset = await newAsset();
    await assert.rejects(
      preview(agent, {
        action: 'asset.location',
        params: { locationId: '00000000-0000-4000-8000-000000000000' },
        selection: { target: 'asset', ids: [asset.id] },
      }),
      (error: unknown) =>
        error instanceof AppError && error.fields?.locationId === 'That place no longer exists. Choose another.',
    );
  });
});
