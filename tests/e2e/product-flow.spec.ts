import { expect, test, type Page } from '@playwright/test';
import { LoginPage } from './support/login-page';
import { pickOption } from './support/picker';
import { openBrowser, useAppServer } from './support/session';

// The helpdesk and the inventory together, as a small IT team uses them in a day.
const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
  app.createUser('alex', 'alex-password-1', 'agent');
  app.createUser('rita', 'rita-password-1', 'requester');
});

async function signIn(page: Page, username: string, password: string) {
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn(username, password);
  await expect(page).not.toHaveURL(/\/login/);
}

type StaffNumbers = {
  openTickets: { total: number };
  assetsByStatus: { deployed: number; in_stock: number; total: number };
  ticketsPerDay: { day: string; opened: number; resolved: number }[];
  today: string;
};

async function dashboardNumbers(page: Page): Promise<StaffNumbers> {
  const reply = await page.request.get('api/dashboard');
  expect(reply.status()).toBe(200);
  return (await reply.json()) as StaffNumbers;
}

test('import a laptop, check it out, the requester reports it broken, an agent resolves it; the dashboard follows', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await openBrowser(browser, server.app);
  await signIn(admin.page, 'ada', 'ada-password-1');
  const before = await dashboardNumbers(admin.page);

  // An admin imports assets from CSV and checks the laptop out to Rita.
  await admin.page.goto('assets/import');
  const csv = [
    'asset_tag,name,category,manufacturer,model,serial,status',
    'LAP-001,ThinkPad T14,Laptop,Lenovo,T14 Gen 4,PF4X1,in_stock',
    'MON-001,Dell P2723D,Monitor,Dell,P2723D,CN0X9,in_stock',
  ].join('\n');
  await admin.page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'assets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await admin.page.getByRole('button', { name: 'Check the file' }).click();
  await admin.page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(admin.page.getByText('Import finished: 2 created, 0 updated, 0 skipped.')).toBeVisible();
  await admin.page.goto('assets?q=LAP-001');
  await admin.page.getByRole('link', { name: 'LAP-001' }).click();
  await expect(admin.page).toHaveURL(/\/assets\/[0-9a-f-]{36}/);
  await pickOption(admin.page, 'Check out to', 'rita', 'rita (rita)');
  await admin.page.getByRole('button', { name: 'Check out' }).click();
  await expect(admin.page.getByText(/checked out to rita/i).first()).toBeVisible();
  const laptopUrl = admin.page.url();

  // Rita opens a ticket about her laptop, from the short form.
  const rita = await openBrowser(browser, server.app);
  await signIn(rita.page, 'rita', 'rita-password-1');
  await rita.page.goto('tickets/new');
  await rita.page.getByLabel('Title').fill('Laptop screen flickers');
  await rita.page.getByLabel('Description').fill('The screen flickers when the lid is half open.');
  await rita.page.getByLabel('Which of your assets is this about?').selectOption({ label: 'LAP-001 — ThinkPad T14' });
  await rita.page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(rita.page.getByText(/Ticket T-\d+ opened/)).toBeVisible();
  await expect(rita.page.getByRole('link', { name: /LAP-001/ })).toBeVisible();
  const ticketUrl = rita.page.url().replace(/\?.*$/, '');

  // An agent takes it, adds an internal note and a public reply, and resolves it.
  const alex = await openBrowser(browser, server.app);
  await signIn(alex.page, 'alex', 'alex-password-1');
  await alex.page.goto(ticketUrl);
  await alex.page.getByRole('button', { name: 'Take it' }).click();
  await expect(alex.page.getByLabel('Status')).toHaveValue('open');
  await alex.page.getByRole('button', { name: 'Internal note', exact: true }).click();
  await alex.page.getByLabel('Internal note', { exact: true }).fill('Display cable worn; swap under warranty.');
  await alex.page.getByRole('button', { name: 'Add internal note' }).click();
  await expect(alex.page.getByText('Internal note added.')).toBeVisible();
  await alex.page.getByRole('button', { name: 'Reply', exact: true }).click();
  await alex.page.getByLabel('Reply', { exact: true }).fill('We replaced the display cable; it should be fine now.');
  await alex.page.getByRole('button', { name: 'Send reply' }).click();
  await expect(alex.page.getByText('Reply added.')).toBeVisible();
  await alex.page.getByLabel('Status').selectOption('resolved');
  await alex.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(alex.page.getByLabel('Status')).toHaveValue('resolved');

  // Rita sees the reply, never the note.
  await rita.page.goto(ticketUrl);
  await expect(rita.page.getByText('We replaced the display cable; it should be fine now.')).toBeVisible();
  await expect(rita.page.getByText('Display cable worn')).toHaveCount(0);

  // The laptop's page lists the ticket; the dashboard shows the new numbers.
  await admin.page.goto(laptopUrl);
  await expect(admin.page.getByRole('link', { name: /T-\d+/ }).first()).toBeVisible();
  const after = await dashboardNumbers(admin.page);
  expect(after.assetsByStatus.total).toBe(before.assetsByStatus.total + 2);
  expect(after.assetsByStatus.deployed).toBe(before.assetsByStatus.deployed + 1);
  expect(after.assetsByStatus.in_stock).toBe(before.assetsByStatus.in_stock + 1);
  const today = (numbers: StaffNumbers) => numbers.ticketsPerDay.find((day) => day.day === numbers.today)!;
  expect(today(after).opened).toBe(today(before).opened + 1);
  expect(today(after).resolved).toBe(today(before).resolved + 1);
  expect(after.openTickets.total).toBe(before.openTickets.total);
  await admin.page.goto('./');
  await expect(
    admin.page.getByRole('heading', { name: `Assets by status (${after.assetsByStatus.total})` }),
  ).toBeVisible();
  await expect(admin.page.locator('svg[role="img"] title').first()).toBeAttached();

  for (const browserSession of [admin, rita, alex]) await browserSession.context.close();
});

test('the lists and the dashboard hydrate without an error in a browser in another time zone and language', async ({
  browser,
}) => {
  // Their tables and charts are client components fed rows formatted on the server, in the zone the
  // browser told it (the tz cookie). A row formatted in the browser's own locale would differ from
  // the server's HTML, and React would report it.
  const alex = await openBrowser(browser, server.app, { timezoneId: 'Pacific/Kiritimati', locale: 'de-DE' });
  const errors: string[] = [];
  alex.page.on('pageerror', (error) => errors.push(error.message));
  alex.page.on('console', (message) => {
    // Chromium's own request for /favicon.ico at the origin (outside the base path) is no page error.
    const { url } = message.location();
    if (message.type() === 'error' && !url.endsWith('/favicon.ico')) errors.push(`${message.text()} (${url})`);
  });
  await signIn(alex.page, 'alex', 'alex-password-1');
  // Something in every client table: the first test left tickets and two assets; alex adds an open
  // ticket assigned to himself (the dashboard's queue) and a license (its seat table).
  const me = (await (await alex.page.request.get('api/auth/me')).json()).user;
  const opened = await (
    await alex.page.request.post('api/tickets', { data: { title: 'Dock flickers after sleep' } })
  ).json();
  expect(
    (
      await alex.page.request.patch(`api/tickets/${opened.id}`, {
        data: { version: opened.version, assigneeId: me.id },
      })
    ).status(),
  ).toBe(200);
  await alex.page.goto('licenses/new');
  await alex.page.getByLabel('Name').fill('Office Suite');
  await alex.page.getByLabel('Seats').fill('5');
  await alex.page.getByRole('button', { name: 'Create license' }).click();
  await expect(alex.page.getByText('License created.')).toBeVisible();
  errors.length = 0;

  for (const path of ['tickets?view=all&status=all', 'assets']) {
    await alex.page.goto(path);
    await expect(alex.page.locator('tbody tr').first()).toBeVisible();
    await alex.page.waitForLoadState('networkidle');
  }
  await alex.page.goto('./');
  await expect(alex.page.getByRole('region', { name: 'Your queue' })).toContainText('Dock flickers after sleep');
  await expect(alex.page.getByRole('region', { name: 'License seat use' })).toContainText('Office Suite');
  await expect(alex.page.getByRole('img', { name: /Tickets opened and resolved per day/ })).toBeVisible();
  await alex.page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
  // Kiritimati is fourteen hours ahead of UTC; the times are written the server's way, not German.
  await expect(alex.page.getByRole('region', { name: 'Your queue' }).locator('tbody tr').first()).toContainText(
    /\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} GMT\+14$/,
  );
  await alex.page.goto('tickets?view=all&status=all');
  await expect(alex.page.locator('tbody tr').first()).toContainText(/GMT\+14$/);
  await alex.context.close();
});
