import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { LoginPage } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

const server = useAppServer((app) => {
  app.createUser('rita', 'rita-password-1', 'requester');
  app.createUser('rob', 'rob-password-1', 'requester');
  app.createUser('alex', 'alex-password-1', 'agent');
  app.createUser('sam', 'sam-password-1', 'agent');
  app.createUser('ada', 'ada-password-1', 'admin');
});

const ticket = { id: '', reference: '', title: 'Printer on floor 3 prints blank pages' };
const internalNote = 'Toner cartridge is counterfeit; order from the usual vendor';
const publicReply = 'We replaced the toner cartridge. Please try printing again.';

async function signIn(page: Page, username: string, password: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, password);
  await expect(page).not.toHaveURL(/\/login/);
}

async function comment(page: Page, body: string, options: { internal?: boolean } = {}) {
  const kind = options.internal ? 'Internal note' : 'Reply';
  await page.getByRole('button', { name: kind, exact: true }).click();
  await expect(page.getByRole('button', { name: kind, exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Only staff will see this')).toHaveCount(options.internal ? 1 : 0);
  await page.getByLabel(kind, { exact: true }).fill(body);
  await page.getByRole('button', { name: options.internal ? 'Add internal note' : 'Send reply' }).click();
  await expect(page.getByText(options.internal ? 'Internal note added.' : 'Reply added.')).toBeVisible();
}

test('a requester opens a ticket; an agent takes it, notes, replies and resolves it; the requester sees only the reply', async ({
  browser,
}) => {
  const rita = await openBrowser(browser, server.app);
  await signIn(rita.page, 'rita', 'rita-password-1');
  await rita.page.goto('tickets/new');
  await expectNoSeriousA11yViolations(rita.page);
  await rita.page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(rita.page.getByText('Enter a title.')).toBeVisible();
  await expectNoSeriousA11yViolations(rita.page);
  await rita.page.getByLabel('Description').fill('Every page comes out blank since this morning.');
  await rita.page.getByLabel('Title').fill(ticket.title);
  await rita.page.getByLabel('Category').fill('Hardware');
  await rita.page.getByLabel('Priority').selectOption('high');
  await rita.page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(rita.page.getByText(/Ticket T-\d+ opened/)).toBeVisible();
  await expect(rita.page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  ticket.id = /tickets\/([0-9a-f-]{36})/.exec(rita.page.url())![1];
  ticket.reference = (await rita.page.locator('h1 .muted').textContent())!.trim();
  await expect(rita.page.getByRole('heading', { level: 1 })).toContainText(ticket.title);
  // A requester has the reply composer only.
  await expect(rita.page.getByLabel('Reply')).toBeVisible();
  await expect(rita.page.getByRole('button', { name: 'Internal note' })).toHaveCount(0);
  await expect(rita.page.getByText('Only staff will see this')).toHaveCount(0);
  // The reference works in the URL, in any case.
  await rita.page.goto(`tickets/${ticket.reference.toLowerCase()}`);
  await expect(rita.page.getByRole('heading', { level: 1 })).toContainText(ticket.title);

  const alex = await openBrowser(browser, server.app);
  await signIn(alex.page, 'alex', 'alex-password-1');
  await alex.page.goto('tickets?view=unassigned');
  await alex.page.getByRole('link', { name: ticket.title }).click();
  await expect(alex.page).toHaveURL(new RegExp(`/tickets/${ticket.id}$`));
  await alex.page.getByRole('button', { name: 'Take it' }).click();
  await expect(alex.page.locator('dl.facts')).toContainText('alex');
  await expect(alex.page.getByLabel('Status')).toHaveValue('open');

  // The note's composer is a different, yellow one.
  await alex.page.getByRole('button', { name: 'Internal note', exact: true }).click();
  const noteComposer = alex.page.locator('[data-composer="internal-note"]');
  await expect(noteComposer).toContainText('Only staff will see this');
  expect(await noteComposer.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(
    'rgb(255, 244, 194)',
  );
  if (process.env.SCREENSHOTS)
    await alex.page.screenshot({ path: `${process.env.SCREENSHOTS}/internal-note.png`, fullPage: true });
  await comment(alex.page, internalNote, { internal: true });
  await expect(alex.page.locator('li.internal')).toContainText(internalNote);
  await expect(alex.page.locator('li.internal')).toContainText('Internal note');
  await comment(alex.page, publicReply);
  await alex.page.getByLabel('Status').selectOption('resolved');
  await alex.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(alex.page.getByText('Ticket updated.')).toBeVisible();
  await expect(alex.page.getByText('changed the status from Open to Resolved')).toBeVisible();
  await expectNoSeriousA11yViolations(alex.page);

  await rita.page.goto(`tickets/${ticket.id}`);
  await expect(rita.page.getByText(publicReply)).toBeVisible();
  await expect(rita.page.getByText(internalNote)).toHaveCount(0);
  await expect(rita.page.locator('li.internal')).toHaveCount(0);
  await expect(rita.page.getByRole('button', { name: 'Reopen ticket' })).toBeVisible();
  await expectNoSeriousA11yViolations(rita.page);

  const response = await rita.page.request.get(`api/tickets/${ticket.id}`);
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).not.toContain(internalNote);
  const json = JSON.parse(text);
  expect(json.reference).toBe(ticket.reference);
  expect(json.status).toBe('resolved');
  expect(json.comments.map((item: { body: string; internal: boolean }) => [item.body, item.internal])).toEqual([
    [publicReply, false],
  ]);

  const asAgent = await (await alex.page.request.get(`api/tickets/${ticket.id}`)).json();
  expect(asAgent.comments.map((item: { internal: boolean }) => item.internal)).toEqual([true, false]);
  await rita.context.close();
  await alex.context.close();
});

test('another requester gets "not found" for that ticket, from the page and the API', async ({ browser }) => {
  const rob = await openBrowser(browser, server.app);
  await signIn(rob.page, 'rob', 'rob-password-1');
  const page = await rob.page.goto(`tickets/${ticket.id}`);
  expect(page?.status()).toBe(404);
  await expect(rob.page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(rob.page.getByText(ticket.title)).toHaveCount(0);
  // By reference, a ticket he may not see is the same "not found" as one that does not exist.
  for (const reference of [ticket.reference, 'T-99999999', 'T-nonsense']) {
    const byReference = await rob.page.goto(`tickets/${reference}`);
    expect(byReference?.status()).toBe(404);
    await expect(rob.page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  }

  const response = await rob.page.request.get(`api/tickets/${ticket.id}`);
  expect(response.status()).toBe(404);
  expect((await response.json()).error.code).toBe('not_found');
  const patch = await rob.page.request.patch(`api/tickets/${ticket.id}`, { data: { version: 1, status: 'closed' } });
  expect(patch.status()).toBe(404);
  const list = await (await rob.page.request.get('api/tickets')).json();
  expect(list.total).toBe(0);
  await rob.page.goto('tickets');
  await expect(rob.page.getByText('You have not opened any tickets yet.')).toBeVisible();
  await rob.context.close();
});

test('two agent tabs on one ticket: the second save is refused as changed by someone else', async ({ browser }) => {
  const alex = await openBrowser(browser, server.app);
  await signIn(alex.page, 'alex', 'alex-password-1');
  const first = alex.page;
  const second = await alex.context.newPage();
  await first.goto(`tickets/${ticket.id}`);
  await second.goto(`tickets/${ticket.id}`);

  await first.getByLabel('Priority').selectOption('urgent');
  await first.getByRole('button', { name: 'Save changes' }).click();
  await expect(first.getByText('Ticket updated.')).toBeVisible();

  await second.getByLabel('Priority').selectOption('low');
  await second.getByLabel('Category').fill('Printers');
  await second.getByRole('button', { name: 'Save changes' }).click();
  await expect(second.getByText('Changed by someone else — reload the page and try again.')).toBeVisible();
  // What the second tab typed is kept, and nothing of it was saved.
  await expect(second.getByLabel('Category')).toHaveValue('Printers');
  const saved = await (await alex.page.request.get(`api/tickets/${ticket.id}`)).json();
  expect([saved.priority, saved.category]).toEqual(['urgent', 'Hardware']);

  // The JSON API answers a stale version the same way, with 409.
  const stale = await alex.page.request.patch(`api/tickets/${ticket.id}`, {
    data: { version: saved.version - 1, priority: 'low' },
  });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error).toEqual({
    code: 'conflict',
    message: 'Changed by someone else — reload the page and try again.',
  });
  await alex.context.close();
});

test('list filters make a shareable URL, and the CSV export keeps them', async ({ browser }) => {
  const alex = await openBrowser(browser, server.app);
  await signIn(alex.page, 'alex', 'alex-password-1');
  const other = await alex.page.request.post('api/tickets', {
    data: { title: 'Wi-Fi slow in the lobby', priority: 'low', category: 'Network' },
  });
  expect(other.status()).toBe(201);

  await alex.page.goto('tickets?view=all&status=all');
  await expect(alex.page.locator('tbody tr')).toHaveCount(2);
  await alex.page.getByLabel('Search').fill(ticket.reference);
  await alex.page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(alex.page).toHaveURL(new RegExp(`q=${ticket.reference}`));
  await expect(alex.page.locator('tbody tr')).toHaveCount(1);
  await expect(alex.page.locator('tbody')).toContainText(ticket.title);
  // A tab is a link within the page: the form must follow the new URL, not keep the old search.
  await alex.page.getByRole('navigation', { name: 'Ticket views' }).getByRole('link', { name: 'All tickets' }).click();
  await expect(alex.page.getByLabel('Search')).toHaveValue('');
  // The tab opens on open work: the resolved ticket is one click further.
  await expect(alex.page.locator('tbody tr')).toHaveCount(1);
  await expect(alex.page.locator('tbody')).not.toContainText(ticket.title);

  await alex.page.goto('tickets?view=all');
  await alex.page.getByLabel('Priority').selectOption('urgent');
  await alex.page.getByRole('checkbox', { name: 'Resolved' }).check();
  await alex.page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(alex.page).toHaveURL(/priority=urgent/);
  await expect(alex.page.locator('tbody tr')).toHaveCount(1);
  await expect(alex.page.locator('tbody')).toContainText(ticket.reference);
  await expectNoSeriousA11yViolations(alex.page);

  const downloading = alex.page.waitForEvent('download');
  await alex.page.getByText('More actions').click();
  await alex.page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloading;
  const csv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe('Number,Title,Status,Priority,Category,Requester,Assignee,Created,Updated,Resolved,Closed');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${ticket.reference},${ticket.title},Resolved,Urgent,Hardware,rita,alex`);
  await alex.context.close();
});

test('a list past its end says where it ends and links there; an empty list shows no page counts', async ({
  browser,
}) => {
  const alex = await openBrowser(browser, server.app);
  await signIn(alex.page, 'alex', 'alex-password-1');
  await alex.page.goto('tickets?view=all&priority=low&page=40');
  const pages = alex.page.getByRole('navigation', { name: 'Pages' });
  await expect(pages).toContainText('Page 40 is past the end of this list (1 in all).');
  // The list is not empty, only this page: no "no tickets" message beside the pagination line.
  await expect(alex.page.getByText('No tickets match these filters.')).toHaveCount(0);
  await pages.getByRole('link', { name: 'Go to the last page (1)' }).click();
  await expect(alex.page).toHaveURL(/priority=low/);
  await expect(alex.page).toHaveURL(/page=1(&|$)/);
  await expect(alex.page.locator('tbody tr')).toHaveCount(1);
  await expect(pages).toContainText('1–1 of 1');

  await alex.page.goto('tickets?view=all&q=no-such-words-anywhere');
  await expect(alex.page.getByText('No tickets match these filters.')).toBeVisible();
  await expect(alex.page.getByRole('navigation', { name: 'Pages' })).toHaveCount(0);
  await alex.context.close();
});

test('the ticket list prefetches nothing, and a click on a ticket or in the menu navigates without reloading the page', async ({
  browser,
}) => {
  const alex = await openBrowser(browser, server.app);
  await signIn(alex.page, 'alex', 'alex-password-1');
  const prefetches: string[] = [];
  const documents: string[] = [];
  alex.page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) prefetches.push(request.url());
    if (request.resourceType() === 'document') documents.push(request.url());
  });
  await alex.page.goto('tickets?view=all');
  const firstRow = alex.page.locator('tbody tr').first();
  await expect(firstRow).toBeVisible();
  await alex.page.waitForLoadState('networkidle');
  // Every page is rendered per user: a prefetch would cost the server a render and bring no data.
  expect(prefetches).toEqual([]);
  documents.length = 0;
  const title = (await firstRow.getByRole('link').nth(1).textContent())?.trim();
  expect(title).toBeTruthy();
  // A click with Ctrl (Cmd on a Mac) is the browser's: the ticket opens in a new tab, under the base path.
  const [newTab] = await Promise.all([
    alex.context.waitForEvent('page'),
    firstRow
      .getByRole('link')
      .nth(1)
      .click({ modifiers: ['ControlOrMeta'] }),
  ]);
  await newTab.waitForLoadState();
  expect(new URL(newTab.url()).pathname).toMatch(
    new RegExp(`^${new URL(server.app.baseURL).pathname}tickets/[0-9a-f-]{36}$`),
  );
  await newTab.close();
  expect(alex.page.url()).toMatch(/\/tickets\?view=all$/);
  documents.length = 0;
  await firstRow.getByRole('link').nth(1).click();
  await expect(alex.page).toHaveURL(/\/tickets\/[0-9a-f-]{36}$/);
  await expect(alex.page.getByRole('heading', { level: 1 })).toContainText(title!);
  expect(documents).toEqual([]);
  // Every link in the app is followed the same way, the main menu's too, and it marks where you are.
  const menu = alex.page.getByRole('navigation', { name: 'Main' });
  await menu.getByRole('link', { name: 'Assets' }).click();
  await expect(alex.page).toHaveURL(/\/assets$/);
  await expect(alex.page.getByRole('heading', { level: 1 })).toHaveText('Assets');
  await expect(menu.getByRole('link', { name: 'Assets' })).toHaveAttribute('aria-current', 'page');
  expect(documents).toEqual([]);
  await alex.context.close();
});

test('the requester reopens the resolved ticket, then closes it for good', async ({ browser }) => {
  const rita = await openBrowser(browser, server.app);
  await signIn(rita.page, 'rita', 'rita-password-1');
  await rita.page.goto(`tickets/${ticket.id}`);
  await rita.page.getByRole('button', { name: 'Reopen ticket' }).click();
  await expect(rita.page.getByText('changed the status from Resolved to Open')).toBeVisible();
  await expect(rita.page.getByRole('button', { name: 'Reopen ticket' })).toHaveCount(0);
  await rita.page.getByRole('button', { name: 'Close ticket' }).click();
  await rita.page
    .getByRole('group', { name: 'Close this ticket? Only an agent can reopen it once it is closed.' })
    .getByRole('button', { name: 'Close ticket' })
    .click();
  await expect(rita.page.getByText('changed the status from Open to Closed')).toBeVisible();
  await expect(rita.page.getByRole('button', { name: /Reopen ticket|Close ticket/ })).toHaveCount(0);
  const closed = await (await rita.page.request.get(`api/tickets/${ticket.id}`)).json();
  expect(closed.status).toBe('closed');
  expect(closed.closedAt).not.toBeNull();
  await rita.context.close();
});

test('the agent queue opens on open work, shows every status in one click and sorts by its headers', async ({
  browser,
}) => {
  const alex = await openBrowser(browser, server.app);
  await signIn(alex.page, 'alex', 'alex-password-1');
  await alex.page.goto('tickets');
  // The closed ticket is not open work; the new Wi-Fi ticket is.
  await expect(alex.page.locator('tbody tr')).toHaveCount(1);
  await expect(alex.page.locator('tbody')).toContainText('Wi-Fi slow in the lobby');
  for (const status of ['New', 'Open', 'Waiting on requester']) {
    await expect(alex.page.getByRole('checkbox', { name: status, exact: true })).toBeChecked();
  }
  await expect(alex.page.getByRole('checkbox', { name: 'Closed', exact: true })).not.toBeChecked();

  await alex.page.getByLabel('Priority').selectOption('low');
  await alex.page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(alex.page).toHaveURL(/priority=low/);
  await alex.page.getByRole('link', { name: 'Show all statuses' }).click();
  await expect(alex.page).toHaveURL(/status=all/);
  await expect(alex.page).toHaveURL(/priority=low/);
  await expect(alex.page.getByRole('checkbox', { name: 'Any status' })).toBeChecked();
  await alex.page.getByLabel('Priority').selectOption('');
  await alex.page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(alex.page.locator('tbody tr')).toHaveCount(2);

  // A header sorts by its column, newest first, and flips the order on the next click; filters stay.
  const numberHeader = alex.page.getByRole('columnheader', { name: 'Number' });
  await expect(numberHeader).toHaveAttribute('aria-sort', 'none');
  await expect(alex.page.getByRole('columnheader', { name: 'Title' })).not.toHaveAttribute('aria-sort', /.*/);
  await numberHeader.getByRole('link').click();
  await expect(alex.page).toHaveURL(/sort=number&dir=desc/);
  await expect(alex.page).toHaveURL(/status=all/);
  await expect(numberHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(alex.page.locator('tbody tr').first()).toContainText('Wi-Fi slow in the lobby');
  await numberHeader.getByRole('link').click();
  await expect(alex.page).toHaveURL(/sort=number&dir=asc/);
  await expect(numberHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(alex.page.locator('tbody tr').first()).toContainText(ticket.title);
  await expect(alex.page.getByRole('columnheader', { name: 'Updated' })).toHaveAttribute('aria-sort', 'none');
  await expectNoSeriousA11yViolations(alex.page);
  if (process.env.SCREENSHOTS)
    await alex.page.screenshot({ path: `${process.env.SCREENSHOTS}/ticket-queue.png`, fullPage: true });

  await alex.page.getByRole('link', { name: 'Show open work only' }).click();
  await expect(alex.page).not.toHaveURL(/status=/);
  await expect(alex.page).toHaveURL(/sort=number/);
  await expect(alex.page.locator('tbody tr')).toHaveCount(1);
  // "Mine" and "Unassigned" are one click away, and open on open work too.
  await alex.page.getByRole('navigation', { name: 'Ticket views' }).getByRole('link', { name: 'Unassigned' }).click();
  await expect(alex.page).toHaveURL(/view=unassigned/);
  await expect(alex.page.locator('tbody tr')).toHaveCount(1);
  await alex.page.getByRole('navigation', { name: 'Ticket views' }).getByRole('link', { name: 'My tickets' }).click();
  await expect(alex.page).toHaveURL(/view=mine/);
  await expect(alex.page.getByText('No tickets match these filters.')).toBeVisible();
  await alex.context.close();
});

test('a ticket whose assignee was disabled stays theirs when an agent saves another change', async ({ browser }) => {
  const alex = await openBrowser(browser, server.app);
  await signIn(alex.page, 'alex', 'alex-password-1');
  const created = await alex.page.request.post('api/tickets', { data: { title: 'Dock flickers' } });
  const { id, version } = (await created.json()) as { id: string; version: number };
  const found = await alex.page.request.get('api/users/search?q=sam');
  const sam = ((await found.json()) as { items: { id: string; username: string }[] }).items.find(
    (person) => person.username === 'sam',
  )!;
  expect((await alex.page.request.patch(`api/tickets/${id}`, { data: { version, assigneeId: sam.id } })).status()).toBe(
    200,
  );

  const ada = await openBrowser(browser, server.app);
  await signIn(ada.page, 'ada', 'ada-password-1');
  await ada.page.goto(`admin/users/${sam.id}`);
  await ada.page.getByRole('button', { name: 'Disable user' }).click();
  await ada.page.getByRole('group').getByRole('button', { name: 'Disable user' }).click();
  await expect(ada.page.getByText('User disabled and signed out everywhere.')).toBeVisible();
  await ada.context.close();

  await alex.page.goto(`tickets/${id}`);
  await expect(alex.page.getByLabel('Assignee')).toHaveValue(sam.id);
  await expect(alex.page.getByLabel('Assignee').locator('option:checked')).toHaveText(/no longer assignable/);
  await alex.page.getByLabel('Priority').selectOption('high');
  await alex.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(alex.page.getByText('Ticket updated.')).toBeVisible();
  const saved = (await (await alex.page.request.get(`api/tickets/${id}`)).json()) as {
    priority: string;
    assignee: { id: string } | null;
  };
  expect([saved.priority, saved.assignee?.id]).toEqual(['high', sam.id]);
  await alex.context.close();
});
