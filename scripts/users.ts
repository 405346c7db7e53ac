// npm run users -- <command> [options]: manage accounts without a browser.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { commandLineActor } from '../lib/actor';
import { revokeUserSessions } from '../lib/auth/session-store';
import { getConfig } from '../lib/config';
import { closeDatabase, getDb } from '../lib/db/client';
import { userRoles } from '../lib/db/schema';
import { recordAudit } from '../lib/audit/record';
import { changeUserRole, createUser, setUserActive, setUserPassword } from '../lib/users/mutations';
import { findUserByUsername, listUsers } from '../lib/users/queries';
import { newUserSchema, passwordSchema, type NewUserInput } from '../lib/users/schemas';
import { readPasswordFromStdin, runCli, UsageError } from './cli';

const usage = `Usage: npm run users -- <command> [options]

Commands:
  list                                          list all users
  create --username NAME --role ROLE --password-stdin [--display-name TEXT] [--email ADDRESS]
  set-password --username NAME --password-stdin  set a password; ends all of the user's sessions
  set-role --username NAME --role ROLE            change a role (admin, agent, requester)
  disable --username NAME                         disable an account and end its sessions
  enable --username NAME                          enable an account
  revoke-sessions --username NAME                 sign a user out everywhere

The password is read from standard input, e.g.:  printf '%s' "$PASSWORD" | npm run users -- create ...`;

/** The account the command runs as: a container's user may have no entry in /etc/passwd. */
function osAccount(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USER || `uid:${process.getuid?.() ?? 'unknown'}`;
  }
}

// Audited as the command line, by the account and machine it ran on.
const actor = commandLineActor(`cli:${osAccount()}@${os.hostname()}`);

async function password(): Promise<string> {
  const parsed = passwordSchema.safeParse(await readPasswordFromStdin());
  if (!parsed.success) throw new UsageError(`the password is not acceptable: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

async function existingUser(username: string | undefined) {
  if (!username) throw new UsageError('--username is required');
  const user = await findUserByUsername(await getDb(), actor, username);
  if (!user) throw new UsageError(`there is no user named "${username}"`);
  return user;
}

const optionOf: Record<string, string> = {
  username: '--username',
  displayName: '--display-name',
  email: '--email',
  role: '--role',
  password: 'the password',
};

/** The new account's details, or a usage error naming the option that is not acceptable. */
function newUser(input: NewUserInput): NewUserInput {
  const parsed = newUserSchema.safeParse(input);
  if (parsed.success) return input;
  const [issue] = parsed.error.issues;
  throw new UsageError(
    `${optionOf[String(issue.path[0])] ?? String(issue.path[0])} is not acceptable: ${issue.message}`,
  );
}

function role(value: string | undefined) {
  const parsed = z.enum(userRoles).safeParse(value);
  if (!parsed.success)
    throw new UsageError(`--role must be one of ${userRoles.join(', ')}${value ? `; got "${value}"` : ''}`);
  return parsed.data;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    console.log(usage);
    return;
  }
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        'display-name': { type: 'string' },
        email: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
  const commands = ['list', 'create', 'set-password', 'set-role', 'disable', 'enable', 'revoke-sessions'];
  if (!commands.includes(command)) throw new UsageError(`unknown command "${command}"\n\n${usage}`);
  const username = values.username as string | undefined;
  const needsStdin = () => {
    if (!values['password-stdin'])
      throw new UsageError(
        '--password-stdin is required: the password is read from standard input, never from the command line',
      );
  };

  getConfig();
  try {
    switch (command) {
      case 'list': {
        const rows = await listUsers(await getDb(), actor);
        if (rows.length === 0) console.log('No users yet.');
        for (const user of rows) {
          console.log(
            [
              user.username.padEnd(24),
              user.role.padEnd(10),
              user.active ? 'active  ' : 'disabled',
              user.displayName,
            ].join(' '),
          );
        }
        return;
      }
      case 'create': {
        if (!username) throw new UsageError('--username is required');
        const chosenRole = role(values.role as string | undefined);
        needsStdin();
        const secret = await password();
        const input = newUser({
          username,
          role: chosenRole,
          password: secret,
          displayName: (values['display-name'] as string) ?? '',
          email: (values.email as string) ?? '',
        });
        const user = await (await getDb()).transaction((tx) => createUser(tx, actor, input));
        console.log(`Created ${user.role} ${user.username}.`);
        return;
      }
      case 'set-password': {
        needsStdin();
        const user = await existingUser(username);
        const secret = await password();
        const { sessionsRevoked } = await (
          await getDb()
        ).transaction((tx) => setUserPassword(tx, actor, { userId: user.id, password: secret }));
        console.log(`Password set for ${user.username}; ${sessionsRevoked} session(s) ended.`);
        return;
      }
      case 'set-role': {
        const chosenRole = role(values.role as string | undefined);
        const user = await existingUser(username);
        await (await getDb()).transaction((tx) => changeUserRole(tx, actor, { userId: user.id, role: chosenRole }));
        console.log(`${user.username} is now ${chosenRole}.`);
        return;
      }
      case 'disable':
      case 'enable': {
        const user = await existingUser(username);
        await (
          await getDb()
        ).transaction((tx) => setUserActive(tx, actor, { userId: user.id, active: command === 'enable' }));
        console.log(
          `${user.username} is ${command === 'enable' ? 'enabled' : 'disabled; all of their sessions ended'}.`,
        );
        return;
      }
      case 'revoke-sessions': {
        const user = await existingUser(username);
        const count = await (
          await getDb()
        ).transaction(async (tx) => {
          const revoked = await revokeUserSessions(tx, { userId: user.id, reason: 'admin' });
          await recordAudit(tx, actor, {
            action: 'session.revoke_all',
            target: { type: 'user', id: user.id },
            details: { count: revoked },
          });
          return revoked;
        });
        console.log(`Ended ${count} session(s) of ${user.username}.`);
        return;
      }
      default:
        throw new UsageError(`unknown command "${command}"\n\n${usage}`);
    }
  } finally {
    await closeDatabase();
  }
}

void runCli(main);
