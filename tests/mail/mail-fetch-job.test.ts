// The 'mail-fetch' job and its queue, and the doctor's IMAP check, against Debian's Dovecot.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql, type SQL } from 'drizzle-orm';
import { checkImap } from '../../lib/doctor/imap-check';
import { jobHandlers } from '../../lib/jobs/handlers';
import { enqueueJob } from '../../lib/jobs/queue';
import { startDovecot } from '../support/dovecot';
import { composeMail } from '../support/mail-messages';
import { useTestDatabase } from '../support/test-database';

const dovecot = await startDovecot();
const env = {
  IMAP_URL: dovecot.url(),
  PUBLIC_URL: 'http://127.0.0.1:3000',
  MAIL_POLL_INTERVAL: '1s',
};
const { db, rows: resultRows } = await useTestDatabase(env);
// PostgreSQL's driver returns its own array type; plain arrays compare equal on both databases.
const rows = async <Row = Record<string, unknown>>(query: SQL) => [...(await resultRows<Row>(query))];

describe('the mail-fetch queue', () => {
  test('holds at most one waiting job, however many processes queue one', async () => {
    const first = await enqueueJob(db, 'mail-fetch', {});
    const second = await enqueueJob(db, 'mail-fetch', {});
    assert.equal(typeof first, 'string');
    assert.equal(second, null);
    const queued = await rows<{ count: number }>(
      sql`select count(*)::int as count from pgboss.job where name = 'mail-fetch' and state = 'created'`,
    );
    assert.deepEqual(queued, [{ count: 1 }]);
  });

  test("its handler reads the mailbox of IMAP_URL and makes the mail's ticket", async () => {
    await dovecot.deliver(
      await composeMail({ from: 'jobsender@elsewhere.test', subject: 'Made by the job', text: 'x' }),
    );
    await jobHandlers['mail-fetch']({}, { id: 'test', retryCount: 0 });
    const made = await rows<{ title: string }>(sql`select title from tickets where title = 'Made by the job'`);
    assert.equal(made.length, 1);
    assert.deepEqual(await dovecot.flags(), [['\\Seen']]);
  });
});

describe('npm run doctor', () => {
  const doctorEnv = { ...env, DATA_DIR: process.env.DATA_DIR };

  test('signs in and opens the mailbox', async () => {
    const [result] = await checkImap(doctorEnv);
    assert.equal(result.status, 'pass');
    assert.match(
      result.message,
      /^signed in as helpdesk on imap:\/\/127\.0\.0\.1:\d+ \(INBOX\); \d+ mail\(s\) in the mailbox; IDLE supported$/,
    );
  });

  test('says the connection failed, and where, for a server that does not answer', async () => {
    const [result] = await checkImap({ ...doctorEnv, IMAP_URL: 'imap://helpdesk:topsecret@127.0.0.1:1/INBOX' });
    assert.equal(result.status, 'fail');
    assert.equal(result.name, 'IMAP connection');
    assert.match(result.message, /127\.0\.0\.1:1/);
    assert.match(result.diagnosis ?? '', /host and port of IMAP_URL/);
    assert.doesNotMatch(JSON.stringify(result), /topsecret/);
  });

  test('says the login failed, and why, for a wrong password, without showing it', async () => {
    const [result] = await checkImap({
      ...doctorEnv,
      IMAP_URL: dovecot.url().replace(dovecot.password, 'not-the-password'),
    });
    assert.equal(result.status, 'fail');
    assert.equal(result.name, 'IMAP login');
    assert.match(result.message, /refused the login of helpdesk on imap:\/\/127\.0\.0\.1:\d+ \(INBOX\): .+/);
    assert.doesNotMatch(JSON.stringify(result), /not-the-password/);
  });

  test('says the mailbox is missing', async () => {
    const [result] = await checkImap({ ...doctorEnv, IMAP_URL: dovecot.url('NoSuchFolder') });
    assert.equal(result.status, 'fail');
    assert.equal(result.name, 'IMAP mailbox');
    assert.match(result.message, /cannot open "NoSuchFolder"/);
    assert.doesNotMatch(JSON.stringify(result), new RegExp(dovecot.password));
  });

  test('says incoming mail is off without IMAP_URL', async () => {
    const [result] = await checkImap({ DATA_DIR: process.env.DATA_DIR });
    assert.deepEqual(result, { name: 'IMAP', status: 'pass', message: 'off (IMAP_URL not set): no tickets by email' });
  });
});
