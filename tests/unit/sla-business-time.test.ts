import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from '../../lib/sla/business-time';
import { publicHolidays } from '../../lib/sla/holidays';
import { slaColumns, type TicketClock } from '../../lib/sla/schedule';

// The calendar maths the SLA due times rest on: weekends, holidays, after hours, pauses across
// days, and both daylight-saving changes in Europe/Berlin and America/New_York.

const nineToFive = { start: 9 * 60, end: 17 * 60 };
const weekdays = (timeZone: string, holidays: string[] = []): BusinessCalendar => ({
  timeZone,
  week: [null, nineToFive, nineToFive, nineToFive, nineToFive, nineToFive, null],
  holidays: new Set(holidays),
});
const allDay = { start: 0, end: 24 * 60 };
const roundTheClock = (timeZone: string): BusinessCalendar => ({
  timeZone,
  week: Array(7).fill(allDay),
  holidays: new Set(),
});
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('adding business minutes', () => {
  const berlin = weekdays('Europe/Berlin');

  test('inside one working day', () => {
    // Tuesday 10:00 in Berlin (UTC+1) plus 3 hours.
    assert.equal(iso(addBusinessMinutes(at('2026-12-01T09:00:00Z'), 180, berlin)), '2026-12-01T12:00:00.000Z');
  });

  test('over a weekend: Friday 16:00 plus 2 hours is Monday 10:00', () => {
    assert.equal(iso(addBusinessMinutes(at('2026-12-04T15:00:00Z'), 120, berlin)), '2026-12-07T09:00:00.000Z');
  });

  test('a ticket opened after hours starts counting the next morning', () => {
    // Tuesday 19:30 Berlin plus 1 hour → Wednesday 10:00.
    assert.equal(iso(addBusinessMinutes(at('2026-12-01T18:30:00Z'), 60, berlin)), '2026-12-02T09:00:00.000Z');
    // Saturday noon plus 1 hour → Monday 10:00.
    assert.equal(iso(addBusinessMinutes(at('2026-12-05T11:00:00Z'), 60, berlin)), '2026-12-07T09:00:00.000Z');
  });

  test('an added holiday is skipped like a weekend', () => {
    const withChristmas = weekdays('Europe/Berlin', ['2026-12-25']);
    // Thursday 24 December 16:00 plus 2 hours: Friday the 25th is off, so Monday the 28th 10:00.
    assert.equal(iso(addBusinessMinutes(at('2026-12-24T15:00:00Z'), 120, withChristmas)), '2026-12-28T09:00:00.000Z');
  });

  test("a country's public holidays come from date-holidays", () => {
    const days = publicHolidays('DE', 'BY', [2026]).map((holiday) => holiday.day);
    assert.ok(days.includes('2026-12-25'));
    assert.ok(days.includes('2026-01-06'), 'Epiphany is a public holiday in Bavaria');
    assert.ok(!publicHolidays('DE', 'BE', [2026]).some((holiday) => holiday.day === '2026-01-06'));
    assert.throws(() => publicHolidays('XX', null, [2026]));
    const german = weekdays('Europe/Berlin', days);
    // Wednesday 6 January 2027 is not in 2026's list, but Friday 3 April 2026 (Good Friday) is.
    assert.equal(iso(addBusinessMinutes(at('2026-04-02T14:00:00Z'), 120, german)), '2026-04-07T08:00:00.000Z');
  });

  test('a holiday of several days is off on each of them', () => {
    // Eid al-Fitr 2026: 20–22 March in the United Arab Emirates, 19–22 March in Saudi Arabia.
    const emirates = publicHolidays('AE', null, [2026]).map((holiday) => holiday.day);
    for (const day of ['2026-03-20', '2026-03-21', '2026-03-22']) assert.ok(emirates.includes(day), day);
    assert.ok(!emirates.includes('2026-03-23'));
    const saudi = publicHolidays('SA', null, [2026]).map((holiday) => holiday.day);
    for (const day of ['2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22']) assert.ok(saudi.includes(day), day);
  });

  test('Berlin, spring forward (29 March 2026): working hours stay 09:00–17:00 local', () => {
    // Friday 27 March 16:00 CET plus 2 hours → Monday 30 March 10:00 CEST (08:00 UTC).
    assert.equal(iso(addBusinessMinutes(at('2026-03-27T15:00:00Z'), 120, berlin)), '2026-03-30T08:00:00.000Z');
  });

  test('Berlin, fall back (25 October 2026)', () => {
    // Friday 23 October 16:00 CEST plus 2 hours → Monday 26 October 10:00 CET (09:00 UTC).
    assert.equal(iso(addBusinessMinutes(at('2026-10-23T14:00:00Z'), 120, berlin)), '2026-10-26T09:00:00.000Z');
  });

  test('New York, both changes (8 March and 1 November 2026)', () => {
    const newYork = weekdays('America/New_York');
    // Friday 6 March 16:00 EST plus 2 hours → Monday 9 March 10:00 EDT (14:00 UTC).
    assert.equal(iso(addBusinessMinutes(at('2026-03-06T21:00:00Z'), 120, newYork)), '2026-03-09T14:00:00.000Z');
    // Friday 30 October 16:00 EDT plus 2 hours → Monday 2 November 10:00 EST (15:00 UTC).
    assert.equal(iso(addBusinessMinutes(at('2026-10-30T20:00:00Z'), 120, newYork)), '2026-11-02T15:00:00.000Z');
  });

  test('a round-the-clock calendar counts real time across a change', () => {
    // Saturday 28 March 12:00 CET plus 24 hours of business time is Sunday 13:00 CEST: 24 real hours.
    const berlin24 = roundTheClock('Europe/Berlin');
    assert.equal(iso(addBusinessMinutes(at('2026-03-28T11:00:00Z'), 24 * 60, berlin24)), '2026-03-29T11:00:00.000Z');
  });

  test('a calendar without working hours is refused, not looped on', () => {
    const never: BusinessCalendar = { timeZone: 'UTC', week: Array(7).fill(null), holidays: new Set() };
    assert.throws(() => addBusinessMinutes(at('2026-12-01T00:00:00Z'), 60, never), /no working hours/);
  });
});

describe('business minutes between two instants (pauses)', () => {
  const berlin = weekdays('Europe/Berlin');

  test('a pause across days counts only working hours', () => {
    // Monday 16:00 to Wednesday 10:00 Berlin: 1 h + 8 h + 1 h.
    assert.equal(businessMinutesBetween(at('2026-12-07T15:00:00Z'), at('2026-12-09T09:00:00Z'), berlin), 600);
  });

  test('a pause over a weekend and nights counts nothing', () => {
    assert.equal(businessMinutesBetween(at('2026-12-04T17:00:00Z'), at('2026-12-07T07:00:00Z'), berlin), 0);
  });

  test('the days of the clock changes are 23 and 25 hours long', () => {
    const berlin24 = roundTheClock('Europe/Berlin');
    assert.equal(businessMinutesBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'), berlin24), 23 * 60);
    assert.equal(businessMinutesBetween(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'), berlin24), 25 * 60);
    const newYork24 = roundTheClock('America/New_York');
    assert.equal(businessMinutesBetween(at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z'), newYork24), 23 * 60);
    assert.equal(businessMinutesBetween(at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'), newYork24), 25 * 60);
  });

  test('working hours spanning the skipped hour are an hour shorter', () => {
    const nightShift: BusinessCalendar = {
      timeZone: 'Europe/Berlin',
      week: Array(7).fill({ start: 60, end: 5 * 60 }),
      holidays: new Set(),
    };
    // 01:00–05:00 on 29 March 2026 is 00:00–03:00 UTC: 3 hours.
    assert.equal(businessMinutesBetween(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'), nightShift), 180);
  });

  test('adding back a pause round-trips', () => {
    const start = at('2026-12-03T10:00:00Z');
    const end = addBusinessMinutes(start, 1000, berlin);
    assert.equal(businessMinutesBetween(start, end, berlin), 1000);
  });
});

describe("a ticket's stored SLA columns", () => {
  const calendar = weekdays('Europe/Berlin');
  const policy = { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 };
  const opened: TicketClock = {
    createdAt: at('2026-12-07T08:00:00Z'), // Monday 09:00 Berlin
    status: 'new',
    slaPausedMinutes: 0,
    slaPausedSince: null,
    slaFirstRespondedAt: null,
    slaSettledAt: null,
    slaMet: null,
  };

  test('on creation: both targets, the first response next', () => {
    const columns = slaColumns(opened, policy, calendar, { now: opened.createdAt });
    assert.equal(iso(columns.slaFirstResponseDueAt!), '2026-12-07T09:00:00.000Z');
    assert.equal(iso(columns.slaResolutionDueAt!), '2026-12-07T16:00:00.000Z');
    assert.equal(iso(columns.slaDueAt!), '2026-12-07T09:00:00.000Z');
    // 80 % of the first response's hour.
    assert.equal(iso(columns.slaWarnAt!), '2026-12-07T08:48:00.000Z');
  });

  test('waiting on the requester stops the clock; the reply pushes the targets back by the working time waited', () => {
    const paused = slaColumns({ ...opened, status: 'pending' }, policy, calendar, { now: at('2026-12-07T10:00:00Z') });
    assert.equal(paused.slaDueAt, null);
    assert.equal(paused.slaWarnAt, null);
    // Resumed the next morning at 10:00 Berlin: 6 h on Monday + 1 h on Tuesday were waited.
    const resumed = slaColumns({ ...opened, ...paused, status: 'open' }, policy, calendar, {
      now: at('2026-12-08T09:00:00Z'),
    });
    assert.equal(resumed.slaPausedMinutes, 7 * 60);
    assert.equal(resumed.slaPausedSince, null);
    assert.equal(iso(resumed.slaResolutionDueAt!), '2026-12-08T15:00:00.000Z');
  });

  test('resolving records whether the targets were met', () => {
    const responded = { ...opened, slaFirstRespondedAt: at('2026-12-07T08:30:00Z') };
    const early = slaColumns({ ...responded, status: 'resolved' }, policy, calendar, {
      now: at('2026-12-07T12:00:00Z'),
    });
    assert.equal(early.slaMet, true);
    const late = slaColumns({ ...responded, status: 'resolved' }, policy, calendar, {
      now: at('2026-12-08T12:00:00Z'),
    });
    assert.equal(late.slaMet, false);
  });

  test('resolved straight from waiting on the requester: the wait does not count against the target', () => {
    // Answered at 09:10, waiting from 10:00 Monday, resolved Thursday 10:00 Berlin: one hour ran.
    const answered = { ...opened, slaFirstRespondedAt: at('2026-12-07T08:10:00Z') };
    const waiting = slaColumns({ ...answered, status: 'pending' }, policy, calendar, {
      now: at('2026-12-07T09:00:00Z'),
    });
    const resolved = slaColumns({ ...answered, ...waiting, status: 'resolved' }, policy, calendar, {
      now: at('2026-12-10T09:00:00Z'),
    });
    assert.equal(resolved.slaMet, true);
    assert.equal(iso(resolved.slaResolutionDueAt!), '2026-12-10T16:00:00.000Z');
    // Closed a day later, the resolution's judgement and target stay as they were.
    const closed = slaColumns({ ...answered, ...resolved, status: 'closed' }, policy, calendar, {
      now: at('2026-12-11T09:00:00Z'),
    });
    assert.equal(closed.slaMet, true);
    assert.equal(iso(closed.slaResolutionDueAt!), '2026-12-10T16:00:00.000Z');
  });

  test('a first reply given while the ticket waits is on time when the clock had not run out', () => {
    // Waiting from 09:10 Monday with no reply; the agent answers Wednesday 09:00 Berlin: 10 minutes ran.
    const waiting = slaColumns({ ...opened, status: 'pending' }, policy, calendar, { now: at('2026-12-07T08:10:00Z') });
    const answered = slaColumns({ ...opened, ...waiting, status: 'pending' }, policy, calendar, {
      now: at('2026-12-09T08:00:00Z'),
      firstResponse: true,
    });
    assert.equal(iso(answered.slaFirstResponseDueAt!), '2026-12-09T08:50:00.000Z');
    const resolved = slaColumns({ ...opened, ...answered, status: 'resolved' }, policy, calendar, {
      now: at('2026-12-09T09:00:00Z'),
    });
    assert.equal(resolved.slaMet, true);
  });

  test('a late first response stays late, whatever waiting on the requester comes after it', () => {
    // Answered at 11:00 Berlin against a 10:00 target, then waiting on the requester all afternoon.
    const answered = slaColumns({ ...opened, status: 'open' }, policy, calendar, {
      now: at('2026-12-07T10:00:00Z'),
      firstResponse: true,
    });
    assert.equal(iso(answered.slaFirstResponseDueAt!), '2026-12-07T09:00:00.000Z');
    const waiting = slaColumns({ ...opened, ...answered, status: 'pending' }, policy, calendar, {
      now: at('2026-12-07T10:30:00Z'),
    });
    const back = slaColumns({ ...opened, ...waiting, status: 'open' }, policy, calendar, {
      now: at('2026-12-08T08:00:00Z'),
    });
    assert.equal(
      iso(back.slaFirstResponseDueAt!),
      '2026-12-07T09:00:00.000Z',
      'the first response target did not move',
    );
    const resolved = slaColumns({ ...opened, ...back, status: 'resolved' }, policy, calendar, {
      now: at('2026-12-08T09:00:00Z'),
    });
    assert.equal(resolved.slaMet, false);
  });

  test('without a policy nothing is due', () => {
    const columns = slaColumns(opened, null, calendar, { now: opened.createdAt });
    assert.equal(columns.slaDueAt, null);
    assert.equal(columns.slaResolutionDueAt, null);
  });
});
