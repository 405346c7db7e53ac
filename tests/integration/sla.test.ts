import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';
import { addHoliday, saveCalendar, savePolicies } from '../../lib/sla/admin';
import { loadSlaDashboard } from '../../lib/sla/dashboard';
import { syncTicketSla } from '../../lib/sla/ticket-sla';
import { runSlaCheck } from '../../lib/sla/warnings';
import { listTickets } from '../../lib/tickets/list';
import { addComment, createTicket, updateTicket } from '../../lib/tickets/mutations';
import { ticketListQuerySchema } from '../../lib/tickets/schemas';
import { useTestDatabase } from '../support/test-database';
import { actorFor, createTestUser } from '../support/users';

// Due times are stored on the ticket by the changes that move them, and the lists, the dashboard
// and the warning job read them. The calendar runs round the clock in UTC here, so a business
// minute is a real one and every due time is its creation time plus the target.

const { db, rows } = await useTestDatabase({
  SMTP_URL: 'smtp://127.0.0.1:2525',
  MAIL_FROM: 'IT Helpdesk <helpdesk@example.test>',
  PUBLIC_URL: 'http://127.0.0.1:3999',
});

async function person(role: Actor['role'], notifyUnassigned = false) {
  const user = await createTestUser(db, { role });
  const email = `${user.username}@example.test`;
  await rows(sql`update users set email = ${email}, notify_unassigned = ${notifyUnassigned} where id = ${user.id}`);
  return actorFor({ ...user, email });
}

const admin = await person('admin');
const agent = await person('agent', true);
const otherAgent = await person('agent', false);
const requester = await person('requester');

const roundTheClock = Object.fromEntries(
  [0, 1, 2, 3, 4, 5, 6].flatMap((day) => [
    [`start${day}`, '00:00'],
    [`end${day}`, '24:00'],
  ]),
);
await db.transaction((tx) => saveCalendar(tx, admin, { timeZone: 'UTC', version: '0', ...roundTheClock }));

/** Each priority's policy version as the form sends it (`urgentVersion`), read now. */
async function policyVersions(): Promise<Record<string, string>> {
  const stored = await rows<{ priority: string; version: number }>(sql`select priority, version from sla_policies`);
  const versions: Record<string, string> = {
    lowVersion: '0',
    normalVersion: '0',
    highVersion: '0',
    urgentVersion: '0',
  };
  for (const row of stored) versions[`${row.priority}Version`] = String(row.version);
  return versions;
}
/** Saves the policies over the versions stored now; every priority not named has no SLA. */
const setPolicies = async (targets: Record<string, string>) => {
  const versions = await policyVersions();
  return db.transaction((tx) => savePolicies(tx, admin, { ...versions, ...targets }));
};

// Normal: first response in 2 hours, resolution in 8; urgent: 1 and 4; low and high: no SLA.
const firstVersions = await policyVersions();
await db.transaction((tx) =>
  savePolicies(tx, admin, {
    ...firstVersions,
    normalFirstResponse: '2',
    normalResolution: '8',
    urgentFirstResponse: '1',
    urgentResolution: '4',
  }),
);

type SlaRow = {
  created_at: Date;
  version: number;
  sla_first_response_due_at: Date | null;
  sla_resolution_due_at: Date | null;
  sla_due_at: Date | null;
  sla_warn_at: Date | null;
  sla_first_responded_at: Date | null;
  sla_paused_minutes: number;
  sla_paused_since: Date | null;
  sla_met: boolean | null;
};

async function slaOf(ticketId: string): Promise<SlaRow> {
  const [row] = await rows<Record<string, unknown>>(
    sql`select created_at, version, sla_first_response_due_at, sla_resolution_due_at, sla_due_at, sla_warn_at,
          sla_first_responded_at, sla_paused_minutes, sla_paused_since, sla_met
        from tickets where id = ${ticketId}`,
  );
  const time = (value: unknown) => (value === null ? null : new Date(value as string));
  return {
    created_at: time(row.created_at)!,
    version: Number(row.version),
    sla_first_response_due_at: time(row.sla_first_response_due_at),
    sla_resolution_due_at: time(row.sla_resolution_due_at),
    sla_due_at: time(row.sla_due_at),
    sla_warn_at: time(row.sla_warn_at),
    sla_first_responded_at: time(row.sla_first_responded_at),
    sla_paused_minutes: Number(row.sla_paused_minutes),
    sla_paused_since: time(row.sla_paused_since),
    sla_met: row.sla_met as boolean | null,
  };
}

const minutes = (count: number) => count * 60_000;
const after = (start: Date, count: number) => new Date(start.getTime() + minutes(count));
/** Within a few seconds: the clock of the test and of the change differ by the time a transaction takes. */
function assertNear(actual: Date | null, expected: Date, message?: string) {
  assert.ok(actual, message ?? 'expected a time');
  assert.ok(
    Math.abs(actual.getTime() - expected.getTime()) < 5_000,
    `${message ?? ''} ${actual.toISOString()} ≠ ${expected.toISOString()}`,
  );
}

async function open(priority: 'normal' | 'urgent' | 'low' | 'high' = 'normal', title = 'Laptop will not boot') {
  const created = await db.transaction((tx) => createTicket(tx, requester, { title, priority }));
  return created.id;
}

const change = async (ticketId: string, fields: Record<string, unknown>, by: Actor = agent) => {
  const { version } = await slaOf(ticketId);
  return db.transaction((tx) => updateTicket(tx, by, { ticketId, version, ...fields }));
};
const comment = (ticketId: string, by: Actor, body: string, internal = false) =>
  db.transaction((tx) => addComment(tx, by, { ticketId, body, internal }));

/** Moves a ticket's whole history `count` minutes into the past, as if it had been opened then. */
async function age(ticketId: string, count: number) {
  await rows(sql`update tickets set created_at = created_at - make_interval(mins => ${count}),
    sla_paused_since = sla_paused_since - make_interval(mins => ${count}) where id = ${ticketId}`);
  await db.transaction((tx) => syncTicketSla(tx, ticketId));
}

describe('due times stored on the ticket', () => {
  test('on creation: both targets from the policy of its priority, the first response next', async () => {
    const ticket = await slaOf(await open());
    assertNear(ticket.sla_first_response_due_at, after(ticket.created_at, 120));
    assertNear(ticket.sla_resolution_due_at, after(ticket.created_at, 480));
    assertNear(ticket.sla_due_at, after(ticket.created_at, 120));
    assertNear(ticket.sla_warn_at, after(ticket.created_at, 96), 'the warning at 80 % of the first response');
  });

  test('a priority without a policy has nothing due', async () => {
    const ticket = await slaOf(await open('low'));
    assert.equal(ticket.sla_due_at, null);
    assert.equal(ticket.sla_resolution_due_at, null);
  });

  test("the first response is staff's first public reply: not a note, not the requester", async () => {
    const id = await open();
    await comment(id, agent, 'Checking the logs first.', true);
    await comment(id, requester, 'Any news?');
    assert.equal((await slaOf(id)).sla_first_responded_at, null);
    await comment(id, agent, 'Could you try a different charger?');
    const answered = await slaOf(id);
    assertNear(answered.sla_first_responded_at, new Date());
    assertNear(answered.sla_due_at, after(answered.created_at, 480), 'the resolution is next');
    await comment(id, otherAgent, 'Second reply.');
    assert.deepEqual((await slaOf(id)).sla_first_responded_at, answered.sla_first_responded_at);
  });

  test("waiting on the requester stops the clock; the requester's reply restarts it, targets pushed back", async () => {
    const id = await open();
    await change(id, { status: 'pending' });
    const paused = await slaOf(id);
    assert.equal(paused.sla_due_at, null, 'nothing is due while waiting');
    assert.equal(paused.sla_warn_at, null);
    assertNear(paused.sla_paused_since, new Date());
    // The requester took 30 minutes to answer.
    await rows(sql`update tickets set sla_paused_since = sla_paused_since - interval '30 minutes' where id = ${id}`);
    await comment(id, requester, 'Here is the photo you asked for.');
    const resumed = await slaOf(id);
    assert.equal(resumed.sla_paused_since, null);
    assert.ok(Math.abs(resumed.sla_paused_minutes - 30) < 0.2, `paused ${resumed.sla_paused_minutes} minutes`);
    assertNear(resumed.sla_resolution_due_at, after(resumed.created_at, 480 + 30));
    assertNear(resumed.sla_due_at, after(resumed.created_at, 120 + 30));
  });

  test('a new priority re-targets from the creation time by its policy', async () => {
    const id = await open();
    await change(id, { priority: 'urgent' });
    const urgent = await slaOf(id);
    assertNear(urgent.sla_first_response_due_at, after(urgent.created_at, 60));
    assertNear(urgent.sla_resolution_due_at, after(urgent.created_at, 240));
    await change(id, { priority: 'low' });
    assert.equal((await slaOf(id)).sla_due_at, null);
  });

  test('resolving records whether the SLA was met', async () => {
    const id = await open();
    await comment(id, agent, 'Replaced the charger.');
    await change(id, { status: 'resolved' });
    const resolved = await slaOf(id);
    assert.equal(resolved.sla_met, true);
    assert.equal(resolved.sla_due_at, null);
  });

  test('a changed policy recomputes the open tickets', async () => {
    const id = await open('urgent');
    await setPolicies({
      normalFirstResponse: '2',
      normalResolution: '8',
      urgentFirstResponse: '0.5',
      urgentResolution: '2',
    });
    const ticket = await slaOf(id);
    assertNear(ticket.sla_first_response_due_at, after(ticket.created_at, 30));
    assertNear(ticket.sla_resolution_due_at, after(ticket.created_at, 120));
  });
});

describe('the lists', () => {
  const listed = (query: Record<string, string>) =>
    listTickets(db, agent, ticketListQuerySchema.parse({ status: 'new,open,pending', pageSize: '100', ...query }));

  test('"breached" and "due soon" filter by the stored due time; the queue sorts by it', async () => {
    const late = await open('normal', 'Late ticket');
    await age(late, 150); // first response was due 30 minutes ago
    const soon = await open('normal', 'Soon ticket'); // first response due in 2 hours
    const calm = await open('low', 'No SLA ticket');
    const breached = (await listed({ sla: 'breached' })).items.map((item) => item.id);
    assert.ok(breached.includes(late));
    assert.ok(!breached.includes(soon) && !breached.includes(calm));
    const dueSoon = (await listed({ sla: 'due_soon' })).items.map((item) => item.id);
    assert.ok(dueSoon.includes(soon));
    assert.ok(!dueSoon.includes(late) && !dueSoon.includes(calm));
    const byDue = (await listed({ sort: 'due' })).items;
    const ids = byDue.map((item) => item.id);
    assert.ok(ids.indexOf(late) < ids.indexOf(soon), 'the breached one first');
    assert.ok(ids.indexOf(soon) < ids.indexOf(calm), 'tickets without an SLA last');
    const item = byDue.find((entry) => entry.id === late)!;
    assert.ok(item.sla?.dueAt && item.sla.dueAt.getTime() < Date.now());
    assert.throws(() => ticketListQuerySchema.parse({ sla: 'overdue' }), /sla is due_soon or breached/);
    // The requester of these tickets sees them without SLA figures, and the SLA filter narrows nothing.
    const asRequester = (query: Record<string, string>) =>
      listTickets(db, requester, ticketListQuerySchema.parse({ pageSize: '100', ...query }));
    const theirs = (await asRequester({})).items;
    assert.ok(theirs.some((entry) => entry.id === late));
    assert.ok(theirs.every((entry) => entry.sla === null));
    assert.equal((await asRequester({ sla: 'breached' })).total, (await asRequester({})).total);
  });

  test('the dashboard counts the breached tickets and the weeks met', async () => {
    const dashboard = await loadSlaDashboard(db);
    assert.equal(dashboard.weeks.length, 12);
    assert.ok(dashboard.breachedTotal >= 1);
    assert.ok(dashboard.breached.some((ticket) => ticket.title === 'Late ticket'));
    const thisWeek = dashboard.weeks.at(-1)!;
    assert.ok(thisWeek.settled >= 1 && thisWeek.met >= 1);
  });
});

describe('warnings', () => {
  const slaMails = async (ticketId: string) =>
    rows<{ to: string; subject: string }>(
      sql`select data->>'to' as "to", data->>'subject' as subject from pgboss.job
          where name = 'mail-send' and data->>'subject' like '%SLA%' and data->>'subject' like ${`%${ticketId}%`}
          order by created_on, id`,
    );
  const referenceOf = async (id: string) =>
    `T-${(await rows<{ number: number }>(sql`select number from tickets where id = ${id}`))[0].number}`;

  test('the assignee hears at 80 % and at the breach, once each, however often the job runs', async () => {
    const id = await open('normal', 'Assigned and late');
    await change(id, { assigneeId: agent.id });
    await age(id, 100); // past 80 % of the first response (96 minutes), not yet its breach
    await runSlaCheck(db);
    const reference = await referenceOf(id);
    let mails = await slaMails(`[${reference}]`);
    assert.deepEqual(
      mails.map((mail) => [mail.to, mail.subject.split(':')[0]]),
      [[agent.email, `[${reference}] SLA first response due soon`]],
    );
    await runSlaCheck(db);
    assert.equal((await slaMails(`[${reference}]`)).length, 1, 'a second run sends nothing new');

    await age(id, 30); // now past the first response's breach
    await runSlaCheck(db);
    await runSlaCheck(db);
    mails = await slaMails(`[${reference}]`);
    assert.equal(mails.length, 2);
    assert.match(mails[1].subject, /SLA breached \(first response\)/);
    const recorded = await rows<{ target: string; stage: string }>(
      sql`select target, stage from ticket_sla_warnings where ticket_id = ${id} order by sent_at, stage`,
    );
    assert.deepEqual(recorded.map((row) => `${row.target}:${row.stage}`).sort(), [
      'first_response:breach',
      'first_response:warning',
    ]);
    const ticket = await slaOf(id);
    assertNear(ticket.sla_warn_at, after(ticket.created_at, 384), 'next: 80 % of the resolution');
  });

  test('a warning about a ticket opened by mail answers that mail, as every mail about the ticket does', async () => {
    const id = await open('normal', 'Opened by mail and late');
    await change(id, { assigneeId: agent.id });
    await rows(
      sql`insert into mail_messages (direction, message_id, ticket_id, user_id, outcome)
          values ('in', ${`<opening-${id}@client.example>`}, ${id}, ${requester.id}, 'ticket')`,
    );
    await age(id, 100);
    await runSlaCheck(db);
    const reference = await referenceOf(id);
    const [mail] = await rows<{ inReplyTo: string; references: string[] }>(
      sql`select data->>'inReplyTo' as "inReplyTo", data->'references' as "references" from pgboss.job
          where name = 'mail-send' and data->>'subject' like ${`[${reference}] SLA%`}`,
    );
    assert.equal(mail.inReplyTo, `<opening-${id}@client.example>`);
    assert.equal(mail.references[0], `<opening-${id}@client.example>`);
    assert.match(mail.references[1], new RegExp(`^<ticket-${id}@`));
  });

  test('an unassigned ticket warns the agents who hear about unassigned tickets; a breach seen late mails only the breach', async () => {
    const id = await open('urgent', 'Unassigned and very late');
    await age(id, 300); // past every target of an urgent ticket (30 minutes / 2 hours)
    await Promise.all([runSlaCheck(db), runSlaCheck(db)]);
    const reference = await referenceOf(id);
    const mails = await slaMails(`[${reference}]`);
    assert.ok(
      mails.every((mail) => mail.to === agent.email),
      'only the agent who hears about unassigned tickets',
    );
    assert.deepEqual(mails.map((mail) => mail.subject.split(':')[0]).sort(), [
      `[${reference}] SLA breached (first response)`,
      `[${reference}] SLA breached (resolution)`,
    ]);
    assert.equal((await slaOf(id)).sla_warn_at, null, 'nothing more to warn about');
  });

  test('a lower priority moves a breached target into the future: reaching the new one is mailed again', async () => {
    const id = await open('urgent', 'Urgent, then not');
    await change(id, { assigneeId: agent.id });
    await age(id, 40); // past the urgent first response (30 minutes)
    await runSlaCheck(db);
    const reference = await referenceOf(id);
    await change(id, { priority: 'normal' }); // first response in 2 hours: due again, 80 % at 96 minutes
    await age(id, 60);
    await runSlaCheck(db);
    await age(id, 25);
    await runSlaCheck(db);
    await runSlaCheck(db);
    const mails = await slaMails(`[${reference}]`);
    assert.deepEqual(
      mails.map((mail) => mail.subject.split(':')[0]),
      [
        `[${reference}] SLA breached (first response)`,
        `[${reference}] SLA first response due soon`,
        `[${reference}] SLA breached (first response)`,
      ],
    );
  });

  test('an agent who turned off the 80 % warning still hears of the breach', async () => {
    const quiet = await person('agent');
    await rows(sql`update users set notification_opt_outs = '["sla_warning"]'::jsonb where id = ${quiet.id}`);
    const id = await open('normal', 'Quiet agent');
    await change(id, { assigneeId: quiet.id });
    await age(id, 100);
    await runSlaCheck(db);
    const reference = await referenceOf(id);
    assert.equal((await slaMails(`[${reference}]`)).length, 0, 'no warning for an agent who turned it off');
    await age(id, 30);
    await runSlaCheck(db);
    const mails = await slaMails(`[${reference}]`);
    assert.deepEqual(
      mails.map((mail) => [mail.to, mail.subject.split(':')[0]]),
      [[quiet.email, `[${reference}] SLA breached (first response)`]],
    );
  });

  test('a new policy mails none of the tickets already overdue; what is reached after it is mailed', async () => {
    const old = await open('high', 'Opened days before its policy');
    await age(old, 3 * 24 * 60);
    const recent = await open('high', 'Opened just before its policy');
    await age(recent, 50); // under the new policy: past 80 % of the first response (48 minutes), not its breach
    // A warning already due under the rules in force, which the job has not sent yet, is still sent.
    const due = await open('normal', 'Warning due before the change');
    await change(due, { assigneeId: agent.id });
    await age(due, 100);
    const highPolicy = { highFirstResponse: '1', highResolution: '4' };
    await setPolicies({
      normalFirstResponse: '2',
      normalResolution: '8',
      urgentFirstResponse: '0.5',
      urgentResolution: '2',
      ...highPolicy,
    });
    await runSlaCheck(db);
    await runSlaCheck(db);
    const [oldReference, recentReference, dueReference] = await Promise.all([old, recent, due].map(referenceOf));
    assert.equal((await slaMails(`[${oldReference}]`)).length, 0, 'no mail for a ticket overdue before its policy');
    assert.equal((await slaMails(`[${recentReference}]`)).length, 0, 'no mail for a warning passed before it');
    assert.deepEqual(
      (await slaMails(`[${dueReference}]`)).map((mail) => mail.subject.split(':')[0]),
      [`[${dueReference}] SLA first response due soon`],
    );
    const recorded = await rows<{ target: string; stage: string }>(
      sql`select target, stage from ticket_sla_warnings where ticket_id = ${old}`,
    );
    assert.equal(recorded.length, 4, 'every milestone it had passed is recorded as sent');
    const breached = await listTickets(
      db,
      agent,
      ticketListQuerySchema.parse({ status: 'new,open,pending', pageSize: '100', sla: 'breached' }),
    );
    assert.ok(
      breached.items.some((item) => item.id === old),
      'still listed as breached',
    );

    await age(recent, 15); // its first response's breach comes after the policy
    await runSlaCheck(db);
    assert.deepEqual(
      (await slaMails(`[${recentReference}]`)).map((mail) => mail.subject.split(':')[0]),
      [`[${recentReference}] SLA breached (first response)`],
    );
  });
});

describe('Admin → SLA', () => {
  test('only admins change it, and bad input says what is wrong', async () => {
    await assert.rejects(
      db.transaction((tx) => addHoliday(tx, agent, { day: '2026-12-24', name: 'Christmas Eve' })),
      (error: unknown) => error instanceof AppError && error.code === 'not_found',
    );
    await assert.rejects(
      db.transaction((tx) =>
        saveCalendar(tx, admin, { timeZone: 'Mars/Olympus', version: '1', start1: '17:00', end1: '09:00' }),
      ),
      (error: unknown) => error instanceof AppError && Boolean(error.fields?.timeZone) && Boolean(error.fields?.end1),
    );
    await assert.rejects(
      db.transaction((tx) => saveCalendar(tx, admin, { timeZone: 'UTC', version: '0', ...roundTheClock })),
      (error: unknown) => error instanceof AppError && error.code === 'conflict',
      'a stale calendar is refused',
    );
    // Two admins saving over the same version at once: one is saved, the other told to reload.
    const [{ version }] = await rows<{ version: number }>(sql`select version from sla_calendar`);
    const save = () =>
      db.transaction((tx) => saveCalendar(tx, admin, { timeZone: 'UTC', version: String(version), ...roundTheClock }));
    const outcomes = await Promise.allSettled([save(), save()]);
    assert.deepEqual(outcomes.map((outcome) => outcome.status).sort(), ['fulfilled', 'rejected']);
    await db.transaction((tx) => addHoliday(tx, admin, { day: '2026-12-24', name: 'Christmas Eve' }));
    await assert.rejects(
      db.transaction((tx) => addHoliday(tx, admin, { day: '2026-12-24', name: 'Again' })),
      (error: unknown) => error instanceof AppError && Boolean(error.fields?.day),
    );
  });

  test('policies: a save lands only over the versions it read, so of two admins the second reloads', async () => {
    const targets = {
      normalFirstResponse: '2',
      normalResolution: '8',
      urgentFirstResponse: '0.5',
      urgentResolution: '2',
      highFirstResponse: '1',
      highResolution: '4',
    };
    const read = await policyVersions();
    const save = (fields: Record<string, string>) => db.transaction((tx) => savePolicies(tx, admin, fields));
    const isConflict = (error: unknown) =>
      error instanceof AppError && error.code === 'conflict' && /reload/i.test(error.message);
    await save({ ...read, ...targets, lowFirstResponse: '8', lowResolution: '40' });
    await assert.rejects(save({ ...read, ...targets }), isConflict, 'a form read before that save is stale');
    const lowPolicy = sql`select first_response_minutes, resolution_minutes, version from sla_policies where priority = 'low'`;
    const [low] = await rows<{ first_response_minutes: number; version: number }>(lowPolicy);
    assert.equal(low.first_response_minutes, 480, 'the stale save changed nothing');

    // Two admins saving over the same versions at once: one is saved, the other told to reload.
    const current = await policyVersions();
    const outcomes = await Promise.allSettled([save({ ...current, ...targets }), save({ ...current, ...targets })]);
    assert.deepEqual(outcomes.map((outcome) => outcome.status).sort(), ['fulfilled', 'rejected']);
    assert.ok(isConflict((outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult).reason));

    // The save above turned low's SLA off; its row stays and counts on, so a form read before cannot bring it back.
    const [off] = await rows<{ first_response_minutes: number | null; version: number }>(lowPolicy);
    assert.equal(off.first_response_minutes, null);
    assert.ok(off.version > low.version);
    await assert.rejects(save({ ...current, ...targets, lowFirstResponse: '8', lowResolution: '40' }), isConflict);
    await assert.rejects(
      save({ ...targets }),
      (error: unknown) => error instanceof AppError && error.code === 'validation_failed',
      'a save without versions is refused',
    );
  });

  test('a target the working hours cannot place is refused with the limit, on either form', async () => {
    const targets = { normalFirstResponse: '2', normalResolution: '8', lowFirstResponse: '8', lowResolution: '500' };
    await setPolicies(targets);
    const [{ version }] = await rows<{ version: number }>(sql`select version from sla_calendar`);
    const mondayHour = { timeZone: 'UTC', version: String(version), start1: '09:00', end1: '10:00' };
    // One hour a week places at most eight years of weeks: 416 hours.
    await assert.rejects(
      db.transaction((tx) => saveCalendar(tx, admin, mondayHour)),
      (error: unknown) =>
        error instanceof AppError &&
        error.code === 'validation_failed' &&
        /low priority's resolution target of 500 h: at most 416 h/.test(String(error.fields?.start1)),
    );
    await setPolicies({ normalFirstResponse: '2', normalResolution: '8' });
    await db.transaction((tx) => saveCalendar(tx, admin, mondayHour));
    await assert.rejects(setPolicies(targets), (error: unknown) => {
      return error instanceof AppError && /at most 416 h/.test(String(error.fields?.lowResolution));
    });
    // Within the limit, a ticket still gets its due times.
    await setPolicies({ ...targets, lowResolution: '400' });
    const ticket = await db.transaction((tx) => createTicket(tx, requester, { title: 'Slow lane', priority: 'low' }));
    const [stored] = await rows<{ sla_resolution_due_at: Date | null }>(
      sql`select sla_resolution_due_at from tickets where id = ${ticket.id}`,
    );
    assert.ok(stored.sla_resolution_due_at);
  });
});
