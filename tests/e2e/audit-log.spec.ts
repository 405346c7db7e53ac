import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

const server = useAppServer((app) => {
  test.setTimeout(240_000);
  app.createUser('boss', 'boss-password-1', 'admin');
  app.createUser('agnes', 'agnes-password-1', 'agent');
  app.createUser('rita', 'rita-password-1');
});

const productKey = 'AUDIT-KEYPT-SECRT-98765';
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function postJson<Reply>(page: Page, path: string, data: object): Promise<Reply> {
  const reply = await page.request.post(path, { data });
  expect(reply.status(), `${path}: ${await reply.text()}`).toBeLessThan(300);
  return (await reply.json()) as Reply;
}

let ticket = { id: '', reference: '' };

test.beforeAll(async ({ browser }) => {
  // An agent opens a ticket, creates an asset, checks it out, creates a license and reveals its key.
  const agnes = await openBrowser(browser, server.app);
  await signIn(agnes.page, 'agnes', 'agnes-password-1');
  const me = (await (await agnes.page.request.get('api/auth/me')).json()) as { user: { id: string } };
  ticket = await postJson(agnes.page, 'api/tickets', { title: 'Printer jams on tray 2' });
  const { asset } = await postJson<{ asset: { id: string; version: number } }>(agnes.page, 'api/assets', {
    assetTag: 'A-00042',
    name: 'Laptop for the audit',
  });
  await postJson(agnes.page, `api/assets/${asset.id}/checkout`, { userId: me.user.id, version: asset.version });
  const { license } = await postJson<{ license: { id: string } }>(agnes.page, 'api/licenses', {
    name: 'Audit Suite',
    seats: 2,
    productKey,
  });
  await postJson(agnes.page, `api/licenses/${license.id}/reveal`, {});
  await agnes.context.close();
});

test('the audit log names each record and person with a link, and says what happened in words', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'boss', 'boss-password-1');
  // The admin renames a user.
  await page.goto('admin/users');
  await page.getByRole('link', { name: 'rita', exact: true }).click();
  const details = page.getByRole('region', { name: 'Name and email' });
  const heading = page.getByRole('heading', { level: 1 });
  // On a busy machine a click can come before the form is live; the saved name in the heading decides.
  await expect(async () => {
    if (!(await heading.textContent())?.includes('Rita Reyes')) {
      await details.getByLabel('Name').fill('Rita Reyes');
      await details.getByRole('button', { name: 'Save name and email' }).click();
    }
    await expect(heading).toContainText('Rita Reyes', { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });

  await page.getByRole('link', { name: 'Audit log' }).click();
  const table = page.getByRole('table');
  const row = (action: string) => table.getByRole('row').filter({ hasText: action });
  await expect(row('Ticket opened').getByRole('link', { name: ticket.reference })).toBeVisible();
  await expect(row('Ticket opened').getByRole('link', { name: 'agnes' })).toBeVisible();
  await expect(row('Asset created').getByRole('link', { name: 'A-00042' })).toBeVisible();
  await expect(row('Checked out')).toContainText('To agnes');
  await expect(row('License created').getByRole('link', { name: 'Audit Suite' })).toBeVisible();
  await expect(row('License created')).toContainText('2 seats, product key set');
  await expect(row('Key revealed')).toHaveCount(1);
  await expect(row('Name or email changed').getByRole('link', { name: 'Rita Reyes (rita)' })).toBeVisible();
  await expect(row('Name or email changed').getByRole('link', { name: 'boss' })).toBeVisible();
  await expect(row('Signed in').first()).toContainText('Session');
  // No internal codes, no key, no session id.
  await expect(table).not.toContainText('asset.checkout');
  await expect(table).not.toContainText('license.key_reveal');
  await expect(page.locator('body')).not.toContainText(productKey);
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: test.info().outputPath('audit-log-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('audit-log-390.png'), fullPage: true });
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The links open the records.
  await row('Ticket opened').getByRole('link', { name: ticket.reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Printer jams on tray 2');
  await page.goBack();
  await row('Asset created').getByRole('link', { name: 'A-00042' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('A-00042');
  await context.close();
});

test('the audit log filters by action, person, kind, dates and reference, chosen from lists', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'boss', 'boss-password-1');
  await page.goto('admin/audit');
  const rows = page.locator('tbody tr');
  const filter = page.getByRole('button', { name: 'Apply filters' });
  const all = await rows.count();

  await page.getByLabel('Action').selectOption({ label: 'Checked out' });
  await filter.click();
  await expect(page).toHaveURL(/action=asset\.checkout/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('A-00042');
  // The choice stays in the address and in the field; paging keeps it.
  await expect(page.getByLabel('Action')).toHaveValue('asset.checkout');

  await page.getByLabel('Action').selectOption({ label: 'Any action' });
  await page.getByLabel('Person').selectOption({ label: 'agnes' });
  await filter.click();
  await expect(page).toHaveURL(/person=[0-9a-f-]{36}/);
  await expect(rows.first()).toContainText('agnes');
  await expect(page.locator('tbody')).not.toContainText('Name or email changed');
  expect(await rows.count()).toBeLessThan(all);

  await page.getByLabel('About').selectOption({ label: 'License' });
  await filter.click();
  await expect(page).toHaveURL(/kind=license/);
  await expect(rows).toHaveCount(2);
  await expect(page.locator('tbody')).toContainText('Key revealed');
  await expect(page.locator('tbody')).toContainText('License created');

  await page.getByRole('link', { name: 'Clear', exact: true }).click();
  await expect(page.getByLabel('Person')).toHaveValue('');
  await expect(page.getByLabel('About')).toHaveValue('');
  await page.getByLabel('Reference or name').fill('a-00042');
  await filter.click();
  await expect(rows).toHaveCount(2);
  await expect(page.locator('tbody')).not.toContainText('Ticket opened');
  await page.getByLabel('Reference or name').fill('nothing-called-this');
  await filter.click();
  await expect(page.getByLabel('Reference or name')).toHaveAccessibleDescription(/No ticket reference, asset tag/);

  // Dates: today has every entry, tomorrow none; an end before the start is refused beside "To".
  await page.goto(`admin/audit?from=${isoDay(0)}&to=${isoDay(0)}`);
  await expect(rows).toHaveCount(all);
  await page.getByLabel('From').fill(isoDay(1));
  await page.getByLabel('To').fill(isoDay(1));
  await filter.click();
  await expect(page.getByText('No entry matches these filters.')).toBeVisible();
  await page.getByLabel('From').fill(isoDay(0));
  await page.getByLabel('To').fill(isoDay(-1));
  await filter.click();
  await expect(page.getByLabel('To')).toHaveAccessibleDescription(
    new RegExp(`Ignored: Choose a day on or after ${isoDay(0)}`),
  );
  await expect(page.getByLabel('To')).toHaveAttribute('aria-invalid', 'true');
  await expect(rows).toHaveCount(all);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: test.info().outputPath('audit-log-bad-range.png'), fullPage: true });
  await context.close();
});
