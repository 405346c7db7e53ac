import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const minimumSecretLength = 32;
export const secretHelp =
  'make one with "npm run secret" (or: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64url\'))")';

export function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

// Splits "newest,older,oldest"; returns the list or a sentence saying what is wrong.
export function parseSecretList(text: string): string[] | string {
  const secrets = text.split(',').map((part) => part.trim());
  if (secrets.some((secret) => secret === '')) {
    return 'SESSION_SECRET has an empty entry; give one secret, or a comma-separated list with the newest first';
  }
  const short = secrets.findIndex((secret) => secret.length < minimumSecretLength);
  if (short !== -1) {
    const which = secrets.length === 1 ? 'SESSION_SECRET' : `Entry ${short + 1} of SESSION_SECRET`;
    return `${which} is ${secrets[short].length} characters long; it must be at least ${minimumSecretLength}: ${secretHelp}`;
  }
  if (new Set(secrets).size !== secrets.length) return 'SESSION_SECRET lists the same secret twice';
  return secrets;
}

// Outside production only: a secret kept in the data directory so restarts keep everyone signed in.
// 'wx' makes the first of several starting processes win; the others read what it wrote.
export function readOrCreateSecretFile(dataDir: string): { secret: string; created: boolean; file: string } {
  const file = path.join(dataDir, 'session-secret');
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, generateSecret() + '\n', { flag: 'wx', mode: 0o600 });
    return { secret: fs.readFileSync(file, 'utf8').trim(), created: true, file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < minimumSecretLength) {
    throw new Error(
      `${file} holds a secret shorter than ${minimumSecretLength} characters; delete it to have a new one made`,
    );
  }
  return { secret, created: false, file };
}
