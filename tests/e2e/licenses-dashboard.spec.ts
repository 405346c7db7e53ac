import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/login-page';
import { pickOption } from './support/picker';
import { openBrowser, useAppServer } from './support/session';

const server = useAppServer((app) => {
  app.createUser('boss', 'boss-password-1', 'admin');
  app.createUser('agnes', 'agnes-password-1', 'agent');
  app.createUser('rita', 'rita-password-1', 'requester');
  app.createUser('rob', 'rob-password-1', 'requester');
  app.createUser('uma', 'uma-password-1', 'requester');
});

let licensePath = '';

async function assignUser(page: Page, username: string) {
  await pickOption(page, 'User', username, `${username} (${username})`);
  await page.getByRole('button', { name: 'Assign seat' }).click();
}

test('an agent creates a license, fills its seats, and reveals its key', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  await page.getByRole('link', { name: 'Licenses' }).click();
  await expect(page.getByText('No licenses yet.')).toBeVisible();
  await page.getByRole('link', { name: 'New license' }).click();
  await expect(page.getByRole('heading', { name: 'New license' })).toBeVisible();
  await page.getByLabel('Name').fill('Design Suite');
  await page.getByLabel('Vendor').fill('Adobe');
  await page.getByLabel('Seats').fill('2');
  await page.getByLabel('Product key').fill('ABCDE-FGHIJ-KLMNO-PQRST');
  await page.getByRole('button', { name: 'Create license' }).click();
  await expect(page.getByRole('heading', { name: 'Design Suite' })).toBeVisible();
  await expect(page.getByText('License created.')).toBeVisible();
  licensePath = new URL(page.url()).pathname.replace(/^\/it-assets-manager\//, '');

  const key = page.getByTestId('product-key');
  await expect(key).toHaveText('•••••-•••••-PQRST');
  await expect(page.getByText('ABCDE-FGHIJ')).toHaveCount(0);
  await page.getByRole('button', { name: 'Reveal' }).click();
  await expect(key).toHaveText('ABCDE-FGHIJ-KLMNO-PQRST');
  await expect(page.getByText('recorded in the audit log')).toBeVisible();

  await assignUser(page, 'rita');
  await expect(page.getByText('Seat assigned to rita (1 of 2 used).')).toBeVisible();
  await assignUser(page, 'rob');
  // The last seat taken, the form gives way to saying so; the API still refuses a seat too many (below).
  await expect(page.getByText('All 2 seats are taken — free one to assign it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Assign seat' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Seats (2 of 2 used)' })).toBeVisible();

  await expectNoSeriousA11yViolations(page);

  await page.goto('licenses');
  await expect(page.getByRole('row', { name: /Design Suite/ })).toContainText('2 / 2');
  await expectNoSeriousA11yViolations(page);
  await page.goto('licenses/new');
  await expectNoSeriousA11yViolations(page);
  await context.close();
});

test('the JSON API masks the key unless asked to reveal it, and refuses a seat too many', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  const plain = await (await page.request.get(`api/${licensePath}`)).json();
  expect(plain.license.productKeyMasked).toBe('•••••-•••••-PQRST');
  expect(plain.license.productKey).toBeUndefined();
  expect(plain.license.seatList.map((seat: { user: { username: string } }) => seat.user.username)).toEqual([
    'rita',
    'rob',
  ]);
  const revealed = await (await page.request.post(`api/${licensePath}/reveal`)).json();
  expect(revealed.productKey).toBe('ABCDE-FGHIJ-KLMNO-PQRST');

  // agnes holds no seat yet, so the only reason to refuse her one is that none is free.
  const me = await (await page.request.get('api/auth/me')).json();
  const full = await page.request.post(`api/${licensePath}/seats`, { data: { userId: me.user.id } });
  expect(full.status()).toBe(409);
  expect((await full.json()).error).toEqual({ code: 'conflict', message: 'No free seats left on Design Suite.' });
  const counts = await (await page.request.get('api/licenses/counts')).json();
  expect(counts).toEqual([expect.objectContaining({ name: 'Design Suite', seats: 2, used: 2, free: 0 })]);

  const shrink = await page.request.patch(`api/${licensePath}`, { data: { seats: 1, version: plain.license.version } });
  expect(shrink.status()).toBe(409);
  expect((await shrink.json()).error.message).toMatch(/2 seats are in use/);
  const robSeat = plain.license.seatList[1];
  const freed = await page.request.delete(`api/${licensePath}/seats?seatId=${robSeat.id}`);
  expect(freed.status()).toBe(200);
  expect((await freed.json()).license).toMatchObject({ used: 1, free: 1 });
  expect((await page.request.post(`api/${licensePath}/seats`, { data: { userId: robSeat.user.id } })).status()).toBe(
    201,
  );
  const noted = await page.request.patch(`api/${licensePath}`, {
    data: { notes: 'For the design team', version: plain.license.version },
  });
  expect((await noted.json()).license.version).toBe(plain.license.version + 1);
  const stale = await page.request.patch(`api/${licensePath}`, {
    data: { name: 'Stale', version: plain.license.version },
  });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.message).toBe('Changed by someone else — reload the page and try again.');
  await context.close();
});

test('a requester gets "not found" for licenses, page and API alike', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'rita', 'rita-password-1');
  await expect(page.getByRole('link', { name: 'Licenses' })).toHaveCount(0);
  const response = await page.goto(licensePath);
  expect(response?.status()).toBe(404);
  expect((await page.request.get('api/licenses')).status()).toBe(404);
  expect((await page.request.get(`api/${licensePath}`)).status()).toBe(404);
  expect((await page.request.get('api/licenses/counts')).status()).toBe(404);
  await context.close();
});

test("the dashboard draws its charts, and a requester's shows only their own tickets", async ({ browser }) => {
  const rita = await openBrowser(browser, server.app);
  await signIn(rita.page, 'rita', 'rita-password-1');
  expect((await rita.page.request.post('api/tickets', { data: { title: 'Rita cannot print' } })).status()).toBe(201);
  const rob = await openBrowser(browser, server.app);
  await signIn(rob.page, 'rob', 'rob-password-1');
  expect(
    (await rob.page.request.post('api/tickets', { data: { title: 'Rob needs a dock', priority: 'urgent' } })).status(),
  ).toBe(201);

  await rita.page.reload();
  await expectNoSeriousA11yViolations(rita.page);
  const ritaTickets = rita.page.getByRole('region', { name: /Your open tickets/ });
  await expect(ritaTickets).toContainText('Rita cannot print');
  await expect(rita.page.getByText('Rob needs a dock')).toHaveCount(0);
  const ritaJson = await (await rita.page.request.get('api/dashboard')).json();
  expect(ritaJson.role).toBe('requester');
  expect(ritaJson.myOpenTickets.items.map((ticket: { title: string }) => ticket.title)).toEqual(['Rita cannot print']);
  expect(ritaJson.openTickets).toBeUndefined();

  const agent = await openBrowser(browser, server.app);
  await signIn(agent.page, 'agnes', 'agnes-password-1');
  const perDay = agent.page.getByRole('img', { name: /Tickets opened and resolved per day/ });
  await expect(perDay).toBeVisible();
  await expect(perDay.locator('title')).toHaveText(/last 30 days/);
  await expect(agent.page.getByRole('img', { name: /Open tickets by priority/ })).toBeVisible();
  await expect(agent.page.getByRole('img', { name: /Assets by status/ })).toBeVisible();
  await expect(agent.page.getByRole('link', { name: /Unassigned/ })).toContainText('2');
  await expect(agent.page.getByRole('region', { name: 'License seat use' })).toContainText('Design Suite');
  await expectNoSeriousA11yViolations(agent.page);
  const agentJson = await (await agent.page.request.get('api/dashboard')).json();
  expect(agentJson.openTickets.total).toBe(2);
  expect(agentJson.openTickets.byPriority.urgent).toBe(1);

  // The page keeps its figures for a few seconds between views, but never past a change: whoever
  // just made one sees it on the next view.
  expect((await agent.page.request.post('api/tickets', { data: { title: 'Projector flickers' } })).status()).toBe(201);
  await agent.page.reload();
  await expect(agent.page.getByRole('link', { name: /Unassigned/ })).toContainText('3');
  for (const browserContext of [rita.context, rob.context, agent.context]) await browserContext.close();
});

test('an admin filters the audit log down to sign-ins', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'boss', 'boss-password-1');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.getByLabel('Action').selectOption({ label: 'Signed in' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=auth.login_success/);
  const rows = page.locator('tbody tr');
  await expect(rows.first()).toContainText('Signed in');
  await expect(rows.first()).toContainText('boss');
  await expect(page.locator('tbody')).toContainText('agnes');
  await expect(page.locator('tbody')).not.toContainText('Key revealed');
  await expectNoSeriousA11yViolations(page);
  await context.close();
});
