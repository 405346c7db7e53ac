// What the tests of tests/mail share: Dovecot, a test database configured to read it, a mailbox of
// its own per test, and queries for what a mail made.
import { sql, type SQL } from 'drizzle-orm';
import type { AppConfig } from '../../lib/config';
import { fetchMail } from '../../lib/mail/incoming/fetch-mail';
import { startDovecot } from './dovecot';
import { useTestDatabase } from './test-database';
import { actorFor, createTestUser } from './users';

type TicketRow = { id: string; number: number; title: string; description: string; requester_id: string };

/** Starts Dovecot and this file's database (ATTACHMENT_MAX_BYTES 4096, MAIL_FROM helpdesk@example.test). */
export async function setUpMailIntake() {
  const dovecot = await startDovecot();
  const testDatabase = await useTestDatabase({
    IMAP_URL: dovecot.url(),
    PUBLIC_URL: 'http://127.0.0.1:3000',
    MAIL_FROM: 'IT Helpdesk <helpdesk@example.test>',
    ATTACHMENT_MAX_BYTES: '4096',
  });
  const { db, config } = testDatabase;
  // PostgreSQL's driver returns its own array type; plain arrays compare equal on both databases.
  const rows = async <Row = Record<string, unknown>>(query: SQL) => [...(await testDatabase.rows<Row>(query))];

  let mailboxCount = 0;
  /** A mailbox of its own for one test, and the configuration that reads it. */
  const mailbox = async (mail: Partial<AppConfig['mail']> = {}): Promise<{ name: string; config: AppConfig }> => {
    mailboxCount += 1;
    const name = `Test${mailboxCount}`;
    const imap = await dovecot.client();
    await imap.mailboxCreate(name);
    await imap.logout();
    return { name, config: { ...config, mail: { ...config.mail, imapUrl: dovecot.url(name), ...mail } } };
  };

  const userWithEmail = async (role: 'requester' | 'agent', email: string) => {
    const user = await createTestUser(db, { role });
    await rows(sql`update users set email = ${email}, display_name = ${`Named ${role}`} where id = ${user.id}`);
    return actorFor({ ...user, email });
  };

  return {
    dovecot,
    db,
    config,
    rows,
    mailbox,
    userWithEmail,
    readMailbox: (testConfig: AppConfig) => fetchMail(db, testConfig, { idleMs: 0 }),
    ticketById: async (id: string) =>
      (
        await rows<TicketRow>(sql`select id, number, title, description, requester_id from tickets where id = ${id}`)
      )[0],
    ticketsOf: (userId: string) =>
      rows<TicketRow>(
        sql`select id, number, title, description, requester_id from tickets where requester_id = ${userId}`,
      ),
    commentsOn: (ticketId: string) =>
      rows<{ body: string; internal: boolean; author_id: string }>(
        sql`select body, internal, author_id from ticket_comments where ticket_id = ${ticketId} order by created_at`,
      ),
    inRow: async (messageId: string) =>
      (
        await rows<{ outcome: string; ticket_id: string | null; comment_id: string | null; user_id: string | null }>(
          sql`select outcome, ticket_id, comment_id, user_id from mail_messages where direction = 'in' and message_id = ${messageId}`,
        )
      )[0],
  };
}
