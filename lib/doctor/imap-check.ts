import 'server-only';
import { loadConfig } from '../config';
import { connectImap, describeImapServer, ImapConnectError, imapSettings } from '../mail/incoming/imap-connection';
import { fail, pass, type CheckResult } from './report';

const hints = {
  connect:
    'Check the host and port of IMAP_URL, that the mail server accepts connections from this machine, and the scheme: imaps:// for TLS (usually port 993), imap:// for plain or STARTTLS (usually 143).',
  login:
    'Check the user and password in IMAP_URL; percent-encode characters such as @, / or : in them (%40, %2F, %3A).',
  mailbox: "Check the mailbox in IMAP_URL's path (INBOX when there is none) exists for this user.",
};

/** Signs in to IMAP_URL's server and opens its mailbox, saying which step failed and why (never the password). */
export async function checkImap(env: Record<string, string | undefined>): Promise<CheckResult[]> {
  let imapUrl: string | undefined;
  try {
    imapUrl = loadConfig(env).mail.imapUrl;
  } catch {
    return []; // The configuration check reports this already.
  }
  if (!imapUrl) return [pass('IMAP', 'off (IMAP_URL not set): no tickets by email')];
  const settings = imapSettings(imapUrl);
  const where = describeImapServer(settings);
  let client;
  try {
    client = await connectImap(settings);
  } catch (error) {
    if (!(error instanceof ImapConnectError)) throw error;
    return [fail(error.stage === 'login' ? 'IMAP login' : 'IMAP connection', error.message, hints[error.stage])];
  }
  try {
    const mailbox = await client.mailboxOpen(settings.mailbox);
    const idle = client.capabilities.has('IDLE') ? 'IDLE supported' : 'no IDLE: polled every MAIL_POLL_INTERVAL';
    return [pass('IMAP', `signed in as ${where}; ${mailbox.exists} mail(s) in the mailbox; ${idle}`)];
  } catch (error) {
    const reason = (error as { responseText?: string }).responseText ?? (error as Error).message;
    return [fail('IMAP mailbox', `${where}: cannot open "${settings.mailbox}": ${reason}`, hints.mailbox)];
  } finally {
    await client.logout().catch(() => client.close());
  }
}
