import { expect, test } from '@playwright/test';
import { useAppServer } from './support/session';

// The server writes its log to stdout/stderr. When whatever reads them goes away (a `| tee` that
// died, a log shipper restarted), the server keeps serving, stays idle, and still stops on SIGTERM.
const server = useAppServer((app) => app.createUser('ada', 'ada-password-1', 'admin'));

test('a server whose log reader went away keeps serving and still stops when told', async () => {
  const { app } = server;
  app.closeLogPipes();
  for (const path of ['api/health', 'login', 'api/auth/me', 'no-such-page']) {
    const reply = await fetch(`${app.baseURL}${path}`, { redirect: 'manual' });
    expect(reply.status).toBeLessThan(500);
  }
  expect(await app.stop()).toBe(true);
});
