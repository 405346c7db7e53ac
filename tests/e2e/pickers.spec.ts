import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/login-page';
import { pickOption } from './support/picker';
import { runSql } from './support/run-sql';
import { openBrowser, useAppServer } from './support/session';

// The searchable pickers (app/components/picker.tsx) over 500 people: check-out, license seats,
// a new ticket's requester and an agent's asset link, and the search route behind them.

const server = useAppServer((app) => {
  app.createUser('agnes', 'agnes-password-1', 'agent');
  app.createUser('rita', 'rita-password-1', 'requester');
  // 500 people who can never sign in (the hash matches no password), written in one statement.
  runSql(
    app,
    `insert into users (username, display_name, role, password_hash)
     select 'person' || lpad(n::text, 3, '0'), 'Person ' || lpad(n::text, 3, '0'), 'requester', '!'
     from generate_series(1, 500) as n`,
  );
});

async function createAsset(page: Page, assetTag: string, name: string): Promise<string> {
  const response = await page.request.post('api/assets', { data: { assetTag, name, category: 'Laptop' } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { asset: { id: string } }).asset.id;
}

test('an agent checks an asset out to one of 500 people with the keyboard alone', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  const assetId = await createAsset(page, 'PICK-001', 'Keyboard laptop');
  await page.goto(`assets/${assetId}`);

  const box = page.getByRole('combobox', { name: 'Check out to' });
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  // No choice made: the usual error beside the field.
  await page.getByRole('button', { name: 'Check out' }).click();
  await expect(page.getByText('Choose a user.')).toBeVisible();
  await expect(box).toHaveAttribute('aria-invalid', 'true');

  await box.focus();
  await page.keyboard.type('person');
  const options = page.getByRole('listbox', { name: 'Check out to' }).getByRole('option');
  // The server answers a few at a time, never all 500.
  await expect(options).toHaveCount(10);
  await page.keyboard.type('042');
  await expect(options).toHaveCount(1);
  await expect(options.first()).toHaveText('Person 042 (person042)');
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expectNoSeriousA11yViolations(page);

  await page.keyboard.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await expect(box).toHaveValue('Person 042 (person042)');
  // Enter on a closed picker sends the form, as in any text box.
  await page.keyboard.press('Enter');
  await expect(page.getByText('PICK-001 checked out to Person 042.')).toBeVisible();
  await context.close();
});

test('Escape closes the list; typing again forgets the choice', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  const assetId = await createAsset(page, 'PICK-002', 'Escape laptop');
  await page.goto(`assets/${assetId}`);
  await pickOption(page, 'Check out to', 'person007', 'Person 007 (person007)');
  const box = page.getByRole('combobox', { name: 'Check out to' });
  await box.press('Backspace');
  await box.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Check out' }).click();
  await expect(page.getByText('Choose a user.')).toBeVisible();
  await context.close();
});

test('the user search answers staff with names only, and a requester with 404', async ({ browser }) => {
  const agent = await openBrowser(browser, server.app);
  await signIn(agent.page, 'agnes', 'agnes-password-1');
  const found = await agent.page.request.get('api/users/search?q=Person%2012&limit=5');
  expect(found.status()).toBe(200);
  const { items } = (await found.json()) as { items: Record<string, string>[] };
  expect(items.map((user) => user.username)).toEqual(['person120', 'person121', 'person122', 'person123', 'person124']);
  expect(Object.keys(items[0]).sort()).toEqual(['displayName', 'id', 'username']);
  expect((await agent.page.request.get('api/users/search?limit=500')).status()).toBe(400);
  await agent.context.close();

  const requester = await openBrowser(browser, server.app);
  await signIn(requester.page, 'rita', 'rita-password-1');
  expect((await requester.page.request.get('api/users/search?q=person')).status()).toBe(404);
  await requester.context.close();
});

test('the seat form shows only the picker it will send, and a full license says so', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  await createAsset(page, 'SEAT-001', 'Seat workstation');
  const created = await page.request.post('api/licenses', { data: { name: 'Pair Suite', seats: 2 } });
  const { license } = (await created.json()) as { license: { id: string } };
  await page.goto(`licenses/${license.id}`);

  await expect(page.getByRole('radio', { name: 'A user' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'User' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Asset' })).toHaveCount(0);
  await page.getByRole('radio', { name: 'An asset' }).check();
  await expect(page.getByRole('combobox', { name: 'User' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Assign seat' }).click();
  await expect(page.getByText('Choose an asset.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'An asset' })).toBeChecked();

  await pickOption(page, 'Asset', 'SEAT', 'SEAT-001 — Seat workstation');
  await page.getByRole('button', { name: 'Assign seat' }).click();
  await expect(page.getByText('Seat assigned to SEAT-001 (1 of 2 used).')).toBeVisible();

  await page.getByRole('radio', { name: 'A user' }).check();
  await pickOption(page, 'User', 'person300', 'Person 300 (person300)');
  await page.getByRole('button', { name: 'Assign seat' }).click();
  await expect(page.getByText('All 2 seats are taken — free one to assign it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Assign seat' })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await context.close();
});

test('an agent opens a ticket for someone found by name, and links an asset by searching', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  await createAsset(page, 'LINK-001', 'Printer on floor 2');
  await page.goto('tickets/new');
  await page.getByLabel('Title').fill('Printer jams');
  await pickOption(page, 'Requester (optional)', 'Person 250', 'Person 250 (person250)');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page.getByRole('heading', { name: /Printer jams/ })).toBeVisible();
  await expect(page.locator('dl.facts')).toContainText('Person 250');

  await page.getByRole('button', { name: 'Link asset' }).click();
  await expect(page.getByText('Choose an asset.')).toBeVisible();
  await pickOption(page, 'Link an asset', 'printer', 'LINK-001 — Printer on floor 2');
  await page.getByRole('button', { name: 'Link asset' }).click();
  await expect(page.getByText('Asset linked.')).toBeVisible();
  await context.close();
});
