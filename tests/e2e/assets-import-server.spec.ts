import { expect, test } from '@playwright/test';
import { signIn } from '../../bench/support/stack';
import { assetCsv } from '../support/asset-csv';
import { startEmbeddedPostgres, type EmbeddedServer } from '../support/embedded-postgres';
import { importLines } from '../support/import-upload';
import { AppServer } from './support/app-server';
import { e2eBasePath } from './support/constants';
import { LoginPage } from './support/login-page';
import { openBrowser } from './support/session';

// A large CSV import against the production server, on the embedded database and on PostgreSQL:
// other requests, database reads included, are answered while it runs, and a server killed midway
// leaves none of its rows.

const rows = 20_000;

for (const database of ['embedded', 'PostgreSQL'] as const) {
  test.describe(`a large import on ${database}`, () => {
    test.describe.configure({ mode: 'serial' });
    let postgres: EmbeddedServer | undefined;
    let app: AppServer;
    let cookie = '';
    const api = (path: string) => `${app.baseURL}api/${path}`;
    const countAssets = async (prefix: string) => {
      const reply = await fetch(api(`assets?q=${prefix}&pageSize=1`), { headers: { cookie } });
      expect(reply.status).toBe(200);
      return ((await reply.json()) as { total: number }).total;
    };
    const startAndSignIn = async () => {
      await app.start();
      cookie = await signIn(`${app.origin}${e2eBasePath}`, 'ada', 'ada-password-1');
    };

    test.beforeAll(async () => {
      test.setTimeout(120_000);
      postgres = database === 'PostgreSQL' ? await startEmbeddedPostgres() : undefined;
      app = new AppServer(postgres ? { DATABASE_URL: postgres.url } : {});
      app.createUser('ada', 'ada-password-1', 'admin');
      await startAndSignIn();
    });
    test.afterAll(async () => {
      await app?.dispose();
      await postgres?.dispose();
    });

    test('/api/health and a page of /api/assets answer while the import is still running, and progress arrives as it goes', async () => {
      test.setTimeout(180_000);
      const seen: string[] = [];
      let assetPage: Promise<void> | undefined;
      let importing = true;
      const healthChecks = (async () => {
        while (importing) {
          const reply = await fetch(api('health'));
          if (reply.ok && importing) seen.push('health');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      let result: Record<string, unknown> | undefined;
      try {
        for await (const line of importLines(api('assets/import?fileName=big.csv'), cookie, assetCsv(rows, 'BIG'))) {
          seen.push(line.type);
          if (line.type === 'result') result = line;
          // Another user's request for a page of assets (a database read), made once the import is under way.
          assetPage ??= fetch(api('assets?pageSize=25'), { headers: { cookie } }).then(async (reply) => {
            expect(reply.status).toBe(200);
            await reply.arrayBuffer();
            seen.push('asset page');
          });
        }
      } finally {
        importing = false;
        await healthChecks;
        await assetPage;
      }
      expect(result).toMatchObject({ applied: true, created: rows, errors: [] });
      const firstProgress = seen.indexOf('progress');
      expect(firstProgress).toBeGreaterThanOrEqual(0);
      // Some progress came before the last batch, and a health check was answered between it and the result.
      expect(seen.filter((type) => type === 'progress').length).toBeGreaterThan(1);
      expect(seen.slice(firstProgress, seen.indexOf('result'))).toContain('health');
      // The page came while batches were still arriving, not once the import's transaction ended.
      expect(seen.indexOf('asset page')).toBeGreaterThan(firstProgress);
      expect(seen.indexOf('asset page')).toBeLessThan(seen.lastIndexOf('progress'));
    });

    test('a server killed (SIGKILL) in the middle of an import leaves none of its rows behind', async () => {
      test.setTimeout(180_000);
      const lines = importLines(api('assets/import?fileName=killed.csv'), cookie, assetCsv(rows, 'KILL'));
      const first = await lines.next();
      expect(first.value).toMatchObject({ type: 'progress', phase: 'importing' });
      expect(Number(first.value?.rows)).toBeLessThan(rows);
      await app.crash();
      const after: string[] = [];
      const rest = (async () => {
        for await (const line of lines) after.push(line.type);
      })();
      await expect(rest).rejects.toThrow();
      expect(after).not.toContain('result');

      await startAndSignIn();
      expect((await fetch(api('health/ready'))).status).toBe(200);
      expect(await countAssets('KILL')).toBe(0);
      // On the embedded database no other process can be importing: the rows the killed import put aside go at start-up.
      if (database === 'embedded')
        expect(app.logs()).toMatch(/"event":"assets\.imports_discarded".*"imports":1,"rows":[1-9]/);
      // The database takes the same file afterwards: nothing half-written is in its way.
      const again: string[] = [];
      for await (const line of importLines(api('assets/import'), cookie, assetCsv(100, 'KILL'))) again.push(line.type);
      expect(again.at(-1)).toBe('result');
      expect(await countAssets('KILL')).toBe(100);
    });

    test('a form upload still imports; the route refuses another type, an oversized file and an undeclared length, saying what to send', async () => {
      test.skip(database !== 'embedded', 'the route is the same on both databases');
      const form = new FormData();
      form.set('file', new Blob(['asset_tag,name\nFORM-1,Form laptop\n']), 'assets.csv');
      form.set('dryRun', 'false');
      const asForm = await fetch(api('assets/import'), { method: 'POST', headers: { cookie }, body: form });
      expect(asForm.status).toBe(200);
      const lines = (await asForm.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.at(-1)).toMatchObject({ type: 'result', applied: true, created: 1 });
      expect(await countAssets('FORM-1')).toBe(1);
      const withoutFile = new FormData();
      withoutFile.set('mode', 'all');
      const noFile = await fetch(api('assets/import'), { method: 'POST', headers: { cookie }, body: withoutFile });
      expect(noFile.status).toBe(400);
      expect(await noFile.json()).toMatchObject({ error: { message: 'Choose a CSV file to import.' } });
      const asJson = await fetch(api('assets/import'), {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(asJson.status).toBe(415);
      expect(await asJson.json()).toMatchObject({
        error: { message: expect.stringMatching(/Content-Type: text\/csv/) },
      });
      const csv = { cookie, 'content-type': 'text/csv' };
      const tooBig = await fetch(api('assets/import'), {
        method: 'POST',
        headers: csv,
        body: 'asset_tag,name\n'.padEnd(10 * 1024 * 1024 + 1, 'x'),
      });
      expect(tooBig.status).toBe(413);
      const undeclared = await fetch(api('assets/import'), {
        method: 'POST',
        headers: csv,
        body: new Blob(['asset_tag,name\n']).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(undeclared.status).toBe(400);
      expect(await undeclared.json()).toMatchObject({ error: { message: expect.stringMatching(/Content-Length/) } });
    });

    test('the page imports an Excel (Windows-1252) file and says how it read it', async ({ browser }) => {
      test.skip(database !== 'embedded', 'the page is the same on both databases');
      const { context, page } = await openBrowser(browser, app);
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn('ada', 'ada-password-1');
      await login.expectSignedIn('ada');
      await page.goto('assets/import');
      await page.getByLabel('CSV file').setInputFiles({
        name: 'excel.csv',
        mimeType: 'application/vnd.ms-excel',
        buffer: Buffer.from('asset_tag,name\r\nXL-1,Café\r\n', 'latin1'),
      });
      await page.getByRole('button', { name: 'Check the file' }).click();
      await expect(page.getByText('The file was read as Windows-1252 (Latin-1)')).toBeVisible();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(page.getByText('Import finished: 1 created, 0 updated, 0 skipped.')).toBeVisible();
      await page.goto('assets?q=XL-1');
      await expect(page.getByText('Café', { exact: true })).toBeVisible();
      await context.close();
    });
  });
}
