// npm run doctor [-- --url https://host/it-assets-manager]
// Checks this machine's configuration; with --url also a live deployment (credentials from
// DOCTOR_USERNAME / DOCTOR_PASSWORD, or asked for). Exit code 0 only when nothing failed.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { checkConfiguration } from '../lib/doctor/config-checks';
import { checkImap } from '../lib/doctor/imap-check';
import { checkDeployment } from '../lib/doctor/live-checks';
import { formatReport, type CheckResult } from '../lib/doctor/report';
import { builtBasePath } from '../server/next-build';
import { readPasswordFromStdin, runCli, UsageError } from './cli';

const usage = 'Usage: npm run doctor [-- --url https://host/base-path] [--skip-config]';

async function credentials(): Promise<{ username: string; password: string }> {
  let username = process.env.DOCTOR_USERNAME;
  let password = process.env.DOCTOR_PASSWORD;
  if ((!username || !password) && !process.stdin.isTTY)
    throw new UsageError('set DOCTOR_USERNAME and DOCTOR_PASSWORD to check a live deployment');
  if (!username) {
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    username = await prompt.question('Username: ');
    prompt.close();
  }
  password ??= await readPasswordFromStdin('Password: ');
  return { username, password };
}

void runCli(async () => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      strict: true,
      options: { url: { type: 'string' }, 'skip-config': { type: 'boolean' } },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${usage}`);
  }
  const url = values.url as string | undefined;
  if (url && !/^https?:\/\/[^/]+/.test(url))
    throw new UsageError(`--url must be an http:// or https:// address; got "${url}"`);

  const results: CheckResult[] = [];
  if (!values['skip-config']) {
    results.push(...(await checkConfiguration(process.env, builtBasePath(process.cwd()))));
    results.push(...(await checkImap(process.env)));
  }
  if (url) {
    results.push(...(await checkDeployment(url, await credentials())));
  }
  console.log(formatReport(results));
  if (results.some((result) => result.status === 'fail')) process.exit(1);
});
