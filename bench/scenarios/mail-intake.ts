import os from 'node:os';
import postgres from 'postgres';
import { dovecotInstalled, startDovecot } from '../../tests/support/dovecot';
import { composeMail } from '../../tests/support/mail-messages';
import type { Scenario } from '../support/context';
import { assertPages, mergePageWindows, pageSlices, summarizePageWindow } from '../support/page-slices';
import { startSeededServer } from '../support/seeded-server';

const mails = 1_000;
// Senders repeat, as in a real helpdesk: the first mail of each makes its requester account.
const senders = 100;
const connections = 8;
// A steady stream of agents' list views, about a third of what one process serves at 8 connections
// (scenario 3): the list's latency then shows what the intake takes from it, and the intake is not
// starved by a saturated event loop.
const listViewsPerSecond = 40;
const quietSlices = 10;
const pollInterval = '2s';
// Delivered here first: the server reads INBOX only, so nothing is read before the release.
const holdingFolder = 'Arriving';
const intakeTimeoutMs = 10 * 60 * 1000;
const round = (ms: number) => Math.round(ms);

/**
 * Scenario 9: 1,000 mails from 100 senders become 1,000 tickets, read by the server's own
 * 'mail-fetch' jobs (IMAP_URL set, MAIL_POLL_INTERVAL 2 s, IDLE in between) on scenario 3's
 * database. The mails are delivered to a folder the server does not read and moved into INBOX
 * with one IMAP MOVE, so the server is warm, its polling already running, and the intake starts at
 * one known moment. The ticket list (/tickets, 40 views a second over 8 connections) is measured in
 * 1 s slices: quiet before, during the intake until the 1,000th mail is recorded, and quiet after
 * (5 more polls, which must find nothing).
 */
const mailIntake: Scenario = async (context) => {
  if (!dovecotInstalled()) throw new Error('mail-intake needs Dovecot: apt-get install dovecot-imapd');
  const dovecot = await startDovecot({ inTest: false });
  const sql = postgres(context.databaseUrl, { max: 1, onnotice: () => {} });
  const imap = await dovecot.client();
  let stopServer = async () => {};
  try {
    await imap.mailboxCreate(holdingFolder);
    const delivering = performance.now();
    for (let index = 0; index < mails; index += 1) {
      const raw = await composeMail({
        from: `Sender ${index % senders} <sender-${index % senders}@bench.example.test>`,
        subject: `Bench mail ${index}`,
        text: `Mail number ${index}.\n\n${'The printer on floor 2 jams again. '.repeat(20)}`,
      });
      await imap.append(holdingFolder, raw, []);
    }
    const deliverMs = round(performance.now() - delivering);

    const { server, cookie, seed, ticketListCheck } = await startSeededServer(context.databaseUrl, (base) => ({
      IMAP_URL: dovecot.url(),
      PUBLIC_URL: base,
      MAIL_POLL_INTERVAL: pollInterval,
    }));
    stopServer = () => server.stop();
    const list = { name: 'tickets', url: `${server.base}/tickets` };
    await assertPages([{ ...list, check: ticketListCheck }], cookie);
    const load = { cookie, connections, rate: listViewsPerSecond, serverCpuMs: () => server.cpuMs() };
    await pageSlices([list], { ...load, count: 2 });
    const quietBefore = await pageSlices([list], { ...load, count: quietSlices });

    // Watches mail_messages every 100 ms: when the first and the last mail were recorded.
    const recorded = async () =>
      (await sql<{ n: number }[]>`select count(*)::int as n from mail_messages where direction = 'in'`)[0].n;
    let firstAt = 0;
    let doneAt = 0;
    const loadBefore = os.loadavg();
    await imap.mailboxOpen(holdingFolder);
    const released = performance.now();
    await imap.messageMove('1:*', 'INBOX', { uid: false });
    const moveMs = round(performance.now() - released);
    const watching = (async () => {
      while (!doneAt && performance.now() - released < intakeTimeoutMs) {
        const count = await recorded();
        if (count > 0 && !firstAt) firstAt = performance.now();
        if (count >= mails) doneAt = performance.now();
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const during = await pageSlices([list], {
      ...load,
      done: () => doneAt > 0 || performance.now() - released > intakeTimeoutMs,
    });
    await watching;
    if (!doneAt) throw new Error(`only ${await recorded()} of ${mails} mails were recorded`);
    const finishedAt = new Date();
    // A mail's ticket and its mail_messages row are written in one transaction.
    const [{ n: ticketsAtFinish }] = await sql<{ n: number }[]>`
      select count(*)::int as n from tickets where title like 'Bench mail %'`;
    const quietAfter = await pageSlices([list], { ...load, count: quietSlices });

    const [counts] = await sql<
      { inRows: number; messageIds: number; tickets: number; titles: number; requesters: number }[]
    >`select (select count(*)::int from mail_messages where direction = 'in') as "inRows",
             (select count(distinct message_id)::int from mail_messages where direction = 'in') as "messageIds",
             count(*)::int as tickets, count(distinct title)::int as titles,
             count(distinct requester_id)::int as requesters
      from tickets where title like 'Bench mail %'`;
    // The polls after the last mail, which must have found nothing left to do.
    const [later] = await sql<{ jobs: number }[]>`
      select count(*)::int as jobs from pgboss.job
      where name = 'mail-fetch' and state = 'completed' and started_on > ${finishedAt}`;
    const inbox = await imap.status('INBOX', { messages: true, unseen: true });
    if (!inbox) throw new Error('Dovecot gave no status of INBOX');

    const quiet = summarizePageWindow(mergePageWindows(quietBefore, quietAfter));
    const busy = summarizePageWindow(during);
    return {
      mails,
      senders,
      seedSeconds: seed.seconds,
      deliverMs,
      pollInterval,
      intake: {
        moveIntoInboxMs: moveMs,
        toFirstTicketMs: round(firstAt - released),
        toAllTicketsMs: round(doneAt - released),
        firstToLastMs: round(doneAt - firstAt),
        mailsPerSecond: Math.round((mails / (doneAt - released)) * 1000),
        loadAverageAtRelease: loadBefore.map((value) => Number(value.toFixed(2))),
      },
      noneTwice: {
        ticketsAtFinish,
        recordedIncomingMails: counts.inRows,
        distinctMessageIds: counts.messageIds,
        ticketsAfterLaterPolls: counts.tickets,
        distinctTitles: counts.titles,
        requesterAccounts: counts.requesters,
        inboxAfter: { messages: inbox.messages, unread: inbox.unseen },
        pollsAfterwards: later.jobs,
      },
      ticketList: {
        path: '/tickets',
        connections,
        requestsPerSecond: listViewsPerSecond,
        budgetP95Ms: 100,
        quiet,
        duringIntake: busy,
        p95Ratio: Number((busy.p95 / quiet.p95).toFixed(2)),
        quietBeforeP95: summarizePageWindow(quietBefore).p95,
        quietAfterP95: summarizePageWindow(quietAfter).p95,
      },
    };
  } finally {
    await stopServer();
    await imap.logout().catch(() => {});
    await sql.end();
    await dovecot.stop();
  }
};

export default mailIntake;
