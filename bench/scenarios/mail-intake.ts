import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getConfig } from '../../lib/config';
import { closeDatabase, getDb } from '../../lib/db/client';
import { queryRows } from '../../lib/db/rows';
import { fetchMail } from '../../lib/mail/incoming/fetch-mail';
import { dovecotInstalled, startDovecot } from '../../tests/support/dovecot';
import { composeMail } from '../../tests/support/mail-messages';
import type { Scenario } from '../support/context';
import { percentile } from '../support/latency-load';

const mails = 1_000;
// Senders repeat, as in a real helpdesk: the first mail of each makes its requester account.
const senders = 100;
const pollers = 2;
const warmUpMs = 5_000;
const baselineMs = 15_000;
const round = (ms: number) => Math.round(ms);

function summary(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { requests: sorted.length, p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)) };
}

/** Asks for the first page of tickets, one request at a time per poller, until `done()`. */
async function pollTicketList(base: string, cookie: string, done: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  const poll = async () => {
    while (!done()) {
      const sent = performance.now();
      const reply = await fetch(`${base}/api/tickets?pageSize=25`, { headers: { cookie } });
      await reply.arrayBuffer();
      if (!reply.ok) throw new Error(`ticket list answered ${reply.status}`);
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: pollers }, poll));
  return latencies;
}

/**
 * 1,000 mails in the Dovecot mailbox become 1,000 tickets, none twice: how long that takes, and the
 * ticket list's p95 meanwhile, against the same list with nothing else running. The intake runs in
 * this process on the server's PostgreSQL database, as the 'mail-fetch' job would in a worker.
 */
const mailIntake: Scenario = async (context) => {
  if (!dovecotInstalled()) throw new Error('mail-intake needs Dovecot: apt-get install dovecot-imapd');
  const { server, cookie } = await context.server();
  const dovecot = await startDovecot({ inTest: false });
  try {
    const imap = await dovecot.client();
    const delivering = performance.now();
    for (let index = 0; index < mails; index += 1) {
      const raw = await composeMail({
        from: `Sender ${index % senders} <sender-${index % senders}@bench.example.test>`,
        subject: `Bench mail ${index}`,
        text: `Mail number ${index}.\n\n${'The printer on floor 2 jams again. '.repeat(20)}`,
      });
      await imap.append('INBOX', raw, []);
    }
    await imap.logout();
    const deliverMs = round(performance.now() - delivering);

    Object.assign(process.env, {
      DATABASE_URL: context.databaseUrl,
      IMAP_URL: dovecot.url(),
      PUBLIC_URL: server.base,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
    });
    const db = await getDb();
    // Warm the server's code paths first, so the quiet figure is not its first requests.
    const warmEnds = performance.now() + warmUpMs;
    await pollTicketList(server.base, cookie, () => performance.now() > warmEnds);
    const baselineEnds = performance.now() + baselineMs;
    const quiet = summary(await pollTicketList(server.base, cookie, () => performance.now() > baselineEnds));

    let finished = false;
    const started = performance.now();
    const intake = fetchMail(db, getConfig(), { idleMs: 0, workBudgetMs: 30 * 60 * 1000 }).finally(
      () => (finished = true),
    );
    const [results, busy] = await Promise.all([intake, pollTicketList(server.base, cookie, () => finished)]);
    const intakeMs = round(performance.now() - started);

    const [counts] = await queryRows<{ tickets: number; titles: number; recorded: number; requesters: number }>(
      db,
      sql`select count(*)::int as tickets, count(distinct title)::int as titles,
                 (select count(*)::int from mail_messages where direction = 'in') as recorded,
                 count(distinct requester_id)::int as requesters
          from tickets where title like 'Bench mail %'`,
    );
    const again = await fetchMail(db, getConfig(), { idleMs: 0 });
    await closeDatabase();
    return {
      mails,
      senders,
      deliverMs,
      intakeMs,
      mailsPerSecond: Math.round((mails / intakeMs) * 1000),
      outcomes: results.filter((result) => result.outcome === 'ticket').length,
      ticketsMade: counts.tickets,
      distinctTitles: counts.titles,
      recordedMessages: counts.recorded,
      requesterAccounts: counts.requesters,
      secondPassProcessed: again.length,
      ticketList: { quiet, duringIntake: summary(busy) },
    };
  } finally {
    await dovecot.stop();
  }
};

export default mailIntake;
