import os from 'node:os';
import postgres from 'postgres';
import type { Actor } from '../../lib/actor';
import { getDb } from '../../lib/db/client';
import { updateTicket } from '../../lib/tickets/mutations';
import { ticketReference } from '../../lib/tickets/rules';
import { benchUser, type Scenario } from '../support/context';
import { withAppEnvironment } from '../support/in-process';
import { assertPages, mergePageWindows, newPageWindow, pageSlices, summarizePageWindow } from '../support/page-slices';
import { startSeededServer } from '../support/seeded-server';
import { startSmtpSink } from '../support/smtp-sink';
import { benchSecret } from '../support/stack';

// 500 tickets, each taken over by another agent and resolved in one change: the new assignee hears
// "assigned to you", the requester "resolved". 1,000 'mail-send' jobs.
const tickets = 500;
const mails = tickets * 2;
const connectionsPerPage = 4;
// Page views at a steady rate, about a third of what one process serves (scenario 3): at 8
// connections flat out, the workers that send the mails share a saturated event loop and the
// burst crawls (about 1 mail a second in a trial run), so it would hardly touch the pages.
const viewsPerSecondPerPage = 20;
const quietSlices = 10;
const burstTimeoutMs = 10 * 60 * 1000;
const mailFrom = 'IT Helpdesk <helpdesk@bench.example.test>';
const round = (ms: number) => Math.round(ms);

type Change = { id: string; version: number; assigneeId: string };

/** The tickets to change and each one's new assignee (another agent than the bench user and the current one). */
async function plannedChanges(sql: postgres.Sql, benchId: string, skip: string): Promise<Change[]> {
  const agents = await sql<{ id: string }[]>`
    select id from users where role = 'agent' and id <> ${benchId} order by username`;
  const rows = await sql<{ id: string; version: number; assignee_id: string | null }[]>`
    select id, version, assignee_id from tickets
    where status in ('new', 'open', 'pending') and requester_id <> ${benchId} and id <> ${skip}
      and requester_id in (select id from users where role = 'requester')
    order by number desc limit ${tickets}`;
  if (rows.length < tickets) throw new Error(`only ${rows.length} tickets to change`);
  return rows.map((row, index) => {
    const next = agents[index % agents.length].id;
    return {
      id: row.id,
      version: row.version,
      assigneeId: next === row.assignee_id ? agents[(index + 1) % agents.length].id : next,
    };
  });
}

/**
 * Scenario 10: page views (/tickets and one ticket's page, as the bench agent, 20 a second each over
 * 4 connections) in 1 s slices: quiet, then while the server's job workers send 1,000 notifications
 * to an SMTP server in this process, until it has them all, then quiet again. The notifications
 * come from 500 real ticket changes (updateTicket, run in this process on the server's database),
 * all made in one transaction before the first quiet window and committed after it: the 1,000 jobs
 * appear at once.
 */
const notificationBurst: Scenario = async (context) => {
  const sink = await startSmtpSink();
  const sql = postgres(context.databaseUrl, { max: 1, onnotice: () => {} });
  let stopServer = async () => {};
  try {
    const mailEnv = (base: string) => ({ SMTP_URL: sink.url, MAIL_FROM: mailFrom, PUBLIC_URL: base });
    const { server, cookie, seed, ticketListCheck } = await startSeededServer(context.databaseUrl, mailEnv);
    stopServer = () => server.stop();
    await sql`update users set email = username || '@bench.example.test'`;
    const [bench] = await sql<{ id: string; display_name: string; email: string }[]>`
      select id, display_name, email from users where username = ${benchUser.username}`;
    const [shown] = await sql<{ id: string; number: number }[]>`
      select id, number from tickets where status = 'open' and requester_id <> ${bench.id} order by number desc limit 1`;
    const changes = await plannedChanges(sql, bench.id, shown.id);
    const reference = ticketReference(shown.number);
    const pages = [
      { name: 'ticket list', url: `${server.base}/tickets`, check: ticketListCheck },
      {
        name: 'ticket page',
        url: `${server.base}/tickets/${shown.id}`,
        check: (body: string) => body.includes(reference),
      },
    ];
    await assertPages(pages, cookie);
    const load = {
      cookie,
      connections: connectionsPerPage,
      rate: viewsPerSecondPerPage,
      serverCpuMs: () => server.cpuMs(),
    };

    const actor: Actor = {
      id: bench.id,
      username: benchUser.username,
      displayName: bench.display_name,
      email: bench.email,
      role: 'agent',
      ipAddress: '127.0.0.1',
      requestId: null,
      sessionId: null,
    };
    const appEnv = {
      DATABASE_URL: context.databaseUrl,
      SESSION_SECRET: benchSecret,
      SMTP_URL: sink.url,
      MAIL_FROM: mailFrom,
      PUBLIC_URL: server.base,
    };
    return await withAppEnvironment(appEnv, async () => {
      const db = await getDb();
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let madeMs = 0;
      let made!: () => void;
      const allMade = new Promise<void>((resolve) => (made = resolve));
      const committing = db.transaction(async (tx) => {
        const started = performance.now();
        for (const change of changes)
          await updateTicket(tx, actor, {
            ticketId: change.id,
            version: change.version,
            assigneeId: change.assigneeId,
            status: 'resolved',
          });
        madeMs = round(performance.now() - started);
        made();
        await held;
      });
      let quietBefore = newPageWindow();
      try {
        await Promise.race([allMade, committing]);
        await pageSlices(pages, { ...load, count: 2 });
        quietBefore = await pageSlices(pages, { ...load, count: quietSlices });
      } finally {
        // Never leave the transaction open, even when the quiet window failed.
        release();
      }
      const loadAtRelease = os.loadavg();
      const serverCpuBefore = server.cpuMs();
      await committing;
      const released = performance.now();
      let timedOut = false;
      const sending = sink.waitFor(mails, burstTimeoutMs).catch(() => (timedOut = true));
      const during = await pageSlices(pages, { ...load, done: () => sink.arrivals.length >= mails || timedOut });
      await sending;
      if (timedOut) throw new Error(`only ${sink.arrivals.length} of ${mails} mails arrived`);
      const lastAt = sink.arrivals[mails - 1];
      const serverCpuMs = server.cpuMs() - serverCpuBefore;
      const quietAfter = await pageSlices(pages, { ...load, count: quietSlices });
      const [jobs] = await sql<{ queued: number; completed: number }[]>`
        select count(*)::int as queued, count(*) filter (where state = 'completed')::int as completed
        from pgboss.job where name = 'mail-send'`;
      const quiet = summarizePageWindow(mergePageWindows(quietBefore, quietAfter));
      const burst = summarizePageWindow(during);
      return {
        seedSeconds: seed.seconds,
        changes: { tickets, madeInOneTransactionMs: madeMs },
        burst: {
          mails,
          arrived: sink.arrivals.length,
          distinctMessageIds: sink.messageIds.size,
          distinctRecipients: sink.recipients.size,
          jobs,
          toFirstMailMs: round(sink.arrivals[0] - released),
          toAllMailsMs: round(lastAt - released),
          mailsPerSecond: Math.round((mails / (lastAt - released)) * 1000),
          serverCpuMsDuringBurst: round(serverCpuMs),
          // What the burst cost beyond the page views served meanwhile (at the quiet cost per view).
          serverCpuMsPerMail: Number(
            ((serverCpuMs - burst.requests * quiet.cpuMsPerRequest.server) / mails).toFixed(2),
          ),
          loadAverageAtRelease: loadAtRelease.map((value) => Number(value.toFixed(2))),
        },
        pages: {
          connectionsPerPage,
          viewsPerSecondPerPage,
          quiet,
          burst,
          p95Ratio: Number((burst.p95 / quiet.p95).toFixed(2)),
          budgetP95Ratio: 1.2,
          quietBeforeP95: summarizePageWindow(quietBefore).p95,
          quietAfterP95: summarizePageWindow(quietAfter).p95,
        },
      };
    });
  } finally {
    await stopServer();
    await sql.end();
    await sink.close();
  }
};

export default notificationBurst;
