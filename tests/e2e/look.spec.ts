import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { e2eBasePath } from './support/constants';
import { signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// One look across the list pages, at every size and in both themes, with times in the viewer's zone.

const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
});

const phone = { width: 390, height: 844 };

/** The time shown in the ticket list's row for `title`, once it is in `zone`: hour, minute and zone. */
async function listedTime(
  page: Page,
  title: string,
  zone: RegExp,
): Promise<{ hour: number; minute: number; zone: string }> {
  await page.goto('tickets?view=all');
  const row = page.locator('tbody tr', { hasText: title });
  // A browser seen for the first time tells its zone after the first page; that page is then drawn again.
  await expect(row).toContainText(zone);
  const text = (await row.textContent()) ?? '';
  const match = /(\d{2}):(\d{2}) (UTC|GMT[+-]\d+)/.exec(text);
  expect(match, `a time in "${text}"`).not.toBeNull();
  return { hour: Number(match![1]), minute: Number(match![2]), zone: match![3] };
}

test('every list page has the same header: title, primary button, the other actions in one menu', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app, { bypassCSP: true });
  await signIn(page, 'ada');
  const pages = [
    { path: 'tickets', title: 'Tickets', primary: 'New ticket', more: ['Export CSV'], filters: true },
    { path: 'assets', title: 'Assets', primary: 'New asset', more: ['Import CSV', 'Export CSV'], filters: true },
    { path: 'licenses', title: 'Licenses', primary: 'New license', more: [], filters: true },
    { path: 'admin/users', title: 'Users', primary: 'New user', more: [], filters: true },
    { path: 'admin/jobs', title: 'Jobs', primary: null, more: [], filters: false },
  ];
  for (const expected of pages) {
    await page.goto(expected.path);
    const header = page.locator('.page-header');
    await expect(header.getByRole('heading', { level: 1 })).toHaveText(expected.title);
    if (expected.primary) await expect(header.getByRole('link', { name: expected.primary })).toHaveClass(/\bbutton\b/);
    const menu = header.locator('details.more-actions');
    if (expected.more.length > 0) {
      // Closed, the menu hides its links; opened with the keyboard, it shows them.
      await expect(header.getByRole('link', { name: expected.more[0] })).toBeHidden();
      await menu.locator('summary', { hasText: 'More actions' }).focus();
      await page.keyboard.press('Enter');
      for (const label of expected.more) await expect(header.getByRole('link', { name: label })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    } else {
      await expect(menu).toHaveCount(0);
    }
    if (expected.filters) {
      await expect(page.getByRole('button', { name: 'Apply filters' })).toBeVisible();
    }
  }
  // "Clear" appears once something is filtered, and returns the list as it opens.
  await page.goto('licenses?q=nothing-like-this');
  await page.getByRole('link', { name: 'Clear', exact: true }).click();
  await expect(page).toHaveURL(/\/licenses$/);
  await context.close();
});

test('the current menu item carries aria-current', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'ada');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Assets' }).click();
  await expect(nav.getByRole('link', { name: 'Assets' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Dashboard' })).not.toHaveAttribute('aria-current', /.*/);
  await page.goto('licenses/new');
  await expect(nav.getByRole('link', { name: 'Licenses' })).toHaveAttribute('aria-current', 'true');
  await context.close();
});

test('on a phone the menu folds behind one button and the filters behind another', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app, { bypassCSP: true });
  await page.setViewportSize(phone);
  await signIn(page, 'ada');
  await page.goto('admin/users');
  const menu = page.getByRole('button', { name: 'Menu' });
  const tickets = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tickets' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(tickets).toBeHidden();
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(tickets).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' })).toBeFocused();
  await menu.focus();
  await page.keyboard.press('Space');
  await expect(tickets).toBeHidden();

  // The list keeps the columns that matter first: the email and date columns wait for a wider screen.
  await expect(page.getByRole('columnheader', { name: 'Username' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Email' })).toBeHidden();

  const filters = page.getByRole('button', { name: 'Filters', exact: true });
  const apply = page.getByRole('button', { name: 'Apply filters' });
  await expect(apply).toBeHidden();
  await filters.click();
  await expect(filters).toHaveAttribute('aria-expanded', 'true');
  await expect(apply).toBeVisible();
  await page.getByLabel('Username, name or email').fill('ada');
  await apply.click();
  await expect(page).toHaveURL(/[?&]q=ada/);

  for (const path of ['./', 'tickets', 'assets', 'licenses', 'admin/users', 'admin/jobs', 'account']) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
  await page.getByRole('button', { name: 'Menu' }).click();
  await expectNoSeriousA11yViolations(page);

  // On a wide screen neither button is there; the links and filters are.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('tickets');
  await expect(page.getByRole('button', { name: 'Menu' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Filters', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Apply filters' })).toBeVisible();
  await context.close();
});

test('on a phone no page is wider than the screen: long values and settings wrap', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await page.setViewportSize(phone);
  await signIn(page, 'ada');
  const created = await page.request.post('api/assets', {
    data: { assetTag: 'PHONE-1', name: 'Phone-width laptop', category: 'laptop' },
  });
  expect(created.status()).toBe(201);
  const { asset } = (await created.json()) as { asset: { id: string } };
  const pages = [
    './',
    'tickets',
    'tickets/new',
    'assets',
    `assets/${asset.id}`,
    'assets/new',
    'assets/import',
    'licenses',
    'locations',
    'kb',
    'scan',
    'admin/users',
    'admin/audit',
    'admin/diagnostics',
    'admin/sla',
    'api-docs',
    'account',
    'sessions',
  ];
  for (const path of pages) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(phone.width);
  }
  await context.close();
});

test('a dark system setting gives a dark theme that stays accessible', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app, { bypassCSP: true });
  await signIn(page, 'ada');
  const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await background();
  expect(dark).not.toBe(light);
  // Darker: the sum of its channels is well below the light one's.
  const sum = (color: string) =>
    (color.match(/\d+/g) ?? []).slice(0, 3).reduce((total, part) => total + Number(part), 0);
  expect(sum(dark)).toBeLessThan(sum(light) / 3);
  for (const path of ['./', 'tickets', 'tickets/new', 'assets', 'licenses', 'admin/users', 'admin/jobs', 'account']) {
    await page.goto(path);
    await expectNoSeriousA11yViolations(page);
  }
  // A ticket page with the yellow internal-note composer open, which has colours of its own.
  const created = await page.request.post('api/tickets', {
    data: { title: 'Dark theme check', description: '**Bold**' },
  });
  expect(created.status()).toBe(201);
  await page.goto(`tickets/${(await created.json()).id}`);
  await page.getByRole('button', { name: 'Internal note', exact: true }).click();
  await expect(page.getByText('Only staff will see this')).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.setViewportSize(phone);
  await page.goto('assets');
  await page.getByRole('button', { name: 'Filters', exact: true }).click();
  await expectNoSeriousA11yViolations(page);
  await context.close();
});

test("times follow the browser's zone, or the zone chosen on the account page", async ({ browser }) => {
  const title = 'Printer on floor 3 is jammed';
  const utc = await openBrowser(browser, server.app, { timezoneId: 'UTC' });
  await signIn(utc.page, 'ada');
  await utc.page.goto('tickets/new');
  await utc.page.getByLabel('Title').fill(title);
  await utc.page.getByLabel('Description').fill('It says paper jam, there is no paper in it.');
  await utc.page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(utc.page).toHaveURL(/\/tickets\/[0-9a-f-]{36}/);
  const inUtc = await listedTime(utc.page, title, / UTC/);

  // The account page offers every IANA zone; Tokyo is nine hours ahead of UTC.
  await utc.page.goto('account');
  const zone = utc.page.getByRole('combobox', { name: 'Time zone' });
  await expect(zone.locator('option:checked')).toHaveText("Use my browser's time zone (UTC)");
  await zone.selectOption('Asia/Tokyo');
  await utc.page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(utc.page.getByText('Times are now shown in Asia/Tokyo.')).toBeVisible();
  const inTokyo = await listedTime(utc.page, title, /GMT\+9/);
  expect(inTokyo).toEqual({ hour: (inUtc.hour + 9) % 24, minute: inUtc.minute, zone: 'GMT+9' });

  // The server sends the choice alone, selected; the browser lists the other zones once the page is live.
  const sent = await (await utc.page.request.get('account')).text();
  const sentSelect = /<select[^>]*name="timeZone"[^>]*>(.*?)<\/select>/.exec(sent)?.[1] ?? '';
  expect(sentSelect.match(/<option /g)).toHaveLength(2);
  expect(sentSelect).toContain('<option value="Asia/Tokyo" selected="">Asia/Tokyo</option>');
  await utc.page.goto('account');
  await expect(utc.page.getByRole('combobox', { name: 'Time zone' }).locator('option:checked')).toHaveText(
    'Asia/Tokyo',
  );
  await expect(utc.page.getByRole('combobox', { name: 'Time zone' }).locator('option')).toHaveCount(
    (await utc.page.evaluate(() => new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']).size)) + 1,
  );

  // Back to the browser's zone: a browser in New York (five hours behind in winter) sees its own.
  await utc.page.goto('account');
  await utc.page.getByRole('combobox', { name: 'Time zone' }).selectOption('');
  await utc.page.getByRole('button', { name: 'Save time zone' }).click();
  await expect(utc.page.getByText("Times now follow your browser's time zone.")).toBeVisible();
  await utc.context.close();

  const newYork = await openBrowser(browser, server.app, { timezoneId: 'America/New_York' });
  await signIn(newYork.page, 'ada');
  const inNewYork = await listedTime(newYork.page, title, /GMT-[45]\b/);
  const offset = Number(inNewYork.zone.slice(3));
  expect(inNewYork.hour).toBe((inUtc.hour + 24 + offset) % 24);
  await newYork.context.close();
});

test('a tz cookie that names no time zone is ignored', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app, { timezoneId: 'UTC' });
  await signIn(page, 'ada');
  // The page tells the server its own zone first; the cookies below then replace that one.
  await page.waitForFunction(() => document.cookie.includes('tz='));
  const setZoneCookie = (value: string) =>
    context.addCookies([{ name: 'tz', value, domain: '127.0.0.1', path: e2eBasePath }]);
  // The users list shows when each user was created, so it always has a time on it.
  for (const value of ['Mars/Olympus', 'Europe/Berlin%3B%20drop', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(300)]) {
    await setZoneCookie(value);
    const response = await context.request.get('admin/users');
    expect(response.status()).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/\d{2}:\d{2} UTC/);
    expect(html).not.toContain('Mars/Olympus');
  }
  // A real zone in the cookie is used by the server from the first request on.
  await setZoneCookie('Asia%2FTokyo');
  expect(await (await context.request.get('admin/users')).text()).toMatch(/\d{2}:\d{2} GMT\+9/);
  await context.close();
});
