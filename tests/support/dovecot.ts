// Debian's Dovecot (dovecot-imapd), started for a test file with a throwaway configuration and
// maildir in a temp folder, on a free 127.0.0.1 port; stopped by its PID after the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { ImapFlow } from 'imapflow';
import { freePort } from './free-port';

export const dovecotBinary = process.env.DOVECOT_BINARY || '/usr/sbin/dovecot';

export type Dovecot = {
  host: string;
  port: number;
  user: string;
  password: string;
  /** IMAP_URL for this server, with the mailbox as its path. */
  url: (mailbox?: string) => string;
  /** A signed-in client for delivering and inspecting mail; close it with logout(). */
  client: () => Promise<ImapFlow>;
  /** Puts a raw mail into a mailbox (default INBOX), unread, as a delivery would. */
  deliver: (raw: string | Buffer, mailbox?: string) => Promise<void>;
  /** The flags of every mail in a mailbox, in order (without \\Recent, which only says who looked first). */
  flags: (mailbox?: string) => Promise<string[][]>;
  stop: () => Promise<void>;
};

export function dovecotInstalled(): boolean {
  return fs.existsSync(dovecotBinary);
}

// Dovecot refuses to run its login and mail processes as root. As root (CI containers), they run
// as nobody and dovenull, which Debian's package creates; otherwise as the current user.
function accounts(): { mailUid: number; mailGid: number; internal: string; login: string } {
  const { uid, gid, username } = os.userInfo();
  if (uid !== 0) return { mailUid: uid, mailGid: gid, internal: username, login: username };
  return { mailUid: 65534, mailGid: 65534, internal: 'dovenull', login: 'dovenull' };
}

function configText(dir: string, port: number): string {
  const { mailUid, mailGid, internal, login } = accounts();
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${internal}
default_login_user = ${login}
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailGid} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
# Debian's defaults give these sockets to the "dovecot" group, which only root may hand out.
service stats {
  unix_listener stats-writer {
    group =
    mode = 0666
  }
}
service imap-hibernate {
  unix_listener imap-hibernate {
    group =
  }
}
service dict {
  unix_listener dict {
    group =
  }
}
service dict-async {
  unix_listener dict-async {
    group =
  }
}
`;
}

async function waitForPort(port: number, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const logText = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '(no log)';
  throw new Error(`Dovecot did not start on 127.0.0.1:${port}:\n${logText}`);
}

/**
 * Starts Dovecot with one user ("helpdesk") and an empty INBOX; stopped after the file's tests
 * (outside a test file, such as a benchmark, pass `{ inTest: false }` and call stop()).
 */
export async function startDovecot(options: { inTest?: boolean } = {}): Promise<Dovecot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iam-dovecot-'));
  const port = await freePort();
  const user = 'helpdesk';
  const password = 'mailbox-password';
  const { mailUid, mailGid } = accounts();
  for (const sub of ['run', 'state', 'mail', 'home']) fs.mkdirSync(path.join(dir, sub));
  // The login and mail processes (another user when we are root) must reach their folders.
  fs.chmodSync(dir, 0o755);
  fs.chownSync(path.join(dir, 'mail'), mailUid, mailGid);
  fs.chownSync(path.join(dir, 'home'), mailUid, mailGid);
  fs.writeFileSync(path.join(dir, 'users'), `${user}:{PLAIN}${password}::::::\n`);
  fs.writeFileSync(path.join(dir, 'dovecot.conf'), configText(dir, port));

  const child = spawn(dovecotBinary, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  if (options.inTest !== false) after(stop);
  try {
    await waitForPort(port, child, path.join(dir, 'dovecot.log'));
  } catch (error) {
    await stop();
    throw error;
  }

  const client = async () => {
    const imap = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    imap.on('error', () => {});
    await imap.connect();
    return imap;
  };
  const withClient = async <T>(use: (imap: ImapFlow) => Promise<T>): Promise<T> => {
    const imap = await client();
    try {
      return await use(imap);
    } finally {
      await imap.logout().catch(() => imap.close());
    }
  };
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    url: (mailbox = 'INBOX') => `imap://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(mailbox)}`,
    client,
    deliver: (raw, mailbox = 'INBOX') =>
      withClient(async (imap) => {
        await imap.append(mailbox, raw, []);
      }),
    flags: (mailbox = 'INBOX') =>
      withClient(async (imap) => {
        const lock = await imap.getMailboxLock(mailbox);
        try {
          const all: string[][] = [];
          if ((imap.mailbox && imap.mailbox.exists) === 0) return all;
          for await (const message of imap.fetch('1:*', { flags: true }))
            all.push([...(message.flags ?? [])].filter((flag) => flag !== '\\Recent').sort());
          return all;
        } finally {
          lock.release();
        }
      }),
    stop,
  };
}
