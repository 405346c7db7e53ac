import 'server-only';
import { ImapFlow } from 'imapflow';

// IMAP_URL → a connection. The URL carries the password: only `describeImapServer` (host, port,
// user, mailbox) ever reaches a log line, an error message or the doctor's report.

export type ImapSettings = {
  host: string;
  port: number;
  /** imaps:// is TLS from the first byte; imap:// upgrades with STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  password: string;
  mailbox: string;
};

export function imapSettings(url: string): ImapSettings {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'imaps:';
  return {
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    mailbox: decodeURIComponent(parsed.pathname.replace(/^\/+/, '')) || 'INBOX',
  };
}

/** "helpdesk on imaps://mail.example.com:993 (INBOX)": what an operator needs, never the password. */
export function describeImapServer(settings: ImapSettings): string {
  const user = settings.user ? `${settings.user} on ` : '';
  return `${user}${settings.secure ? 'imaps' : 'imap'}://${settings.host}:${settings.port} (${settings.mailbox})`;
}

export type ImapStage = 'connect' | 'login';

/** A failure to reach or sign in to the mail server, said in words, without the password. */
export class ImapConnectError extends Error {
  readonly stage: ImapStage;
  constructor(stage: ImapStage, message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'ImapConnectError';
    this.stage = stage;
  }
}

type ImapFailure = Error & {
  code?: string;
  authenticationFailed?: boolean;
  responseText?: string;
  serverResponseCode?: string;
};

function reasonOf(error: ImapFailure): string {
  if (error.responseText) return error.responseText;
  if (error.code && !error.message.includes(error.code)) return `${error.message} (${error.code})`;
  return error.message;
}

export function newImapClient(settings: ImapSettings): ImapFlow {
  return new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    // Start IDLE soon after the last command, so new mail is seen at once while the job waits.
    autoIdleDelay: 1000,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
  });
}

/** A connected, signed-in client; or an ImapConnectError saying which step failed and why. */
export async function connectImap(settings: ImapSettings): Promise<ImapFlow> {
  const client = newImapClient(settings);
  // Without a listener, a dropped connection's 'error' event would end the process.
  client.on('error', () => {});
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.close();
    const failure = error as ImapFailure;
    const where = describeImapServer(settings);
    if (failure.authenticationFailed || failure.serverResponseCode === 'AUTHENTICATIONFAILED')
      throw new ImapConnectError('login', `The IMAP server refused the login of ${where}: ${reasonOf(failure)}`, error);
    throw new ImapConnectError('connect', `Could not connect to the IMAP server ${where}: ${reasonOf(failure)}`, error);
  }
}
