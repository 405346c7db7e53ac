import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { LoginPage } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// Category, manufacturer, model and the ticket category are managed lists (lib/catalog/): the
// asset and ticket forms suggest their values, save another letter case in the listed spelling,
// and Admin → Lists renames a value on every asset or ticket and removes one nothing uses.

const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
  app.createUser('rita', 'rita-password-1', 'requester');
});

async function signIn(page: Page, username = 'ada') {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, `${username}-password-1`);
  await login.expectSignedIn(username);
}

async function createAsset(page: Page, data: Record<string, string>): Promise<string> {
  const response = await page.request.post('api/assets', { data });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { asset: { id: string } }).asset.id;
}

test('"hardware" typed in the asset form is saved as the listed "Hardware", which the form suggests', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page);
  await createAsset(page, { assetTag: 'LIST-001', name: 'First', category: 'Hardware', manufacturer: 'Lenovo' });

  await page.goto('assets/new');
  await expect(page.locator('#field-category-suggestions option[value="Hardware"]')).toHaveCount(1);
  await expect(page.locator('#field-manufacturer-suggestions option[value="Lenovo"]')).toHaveCount(1);
  await page.getByLabel('Asset tag').fill('LIST-002');
  await page.getByLabel('Name', { exact: true }).fill('Second');
  await page.getByLabel('Category').fill('hardware');
  await page.getByLabel('Manufacturer').fill('LENOVO');
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Create asset' }).click();
  await expect(page.getByText('Asset LIST-002 created.')).toBeVisible();
  const facts = page.locator('dl.facts');
  await expect(facts).toContainText('Hardware');
  await expect(facts).toContainText('Lenovo');
  await expect(facts).not.toContainText('hardware');
  await expect(facts).not.toContainText('LENOVO');
  await context.close();
});

test('an admin renames a list value on every asset, and removes only an unused one', async ({ browser }) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page);
  const first = await createAsset(page, { assetTag: 'REN-001', name: 'Desk one', category: 'Furnture' });
  await createAsset(page, { assetTag: 'REN-002', name: 'Desk two', category: 'furnture' });
  await createAsset(page, { assetTag: 'REN-003', name: 'Cable', category: 'Spare parts' });
  // Obsolete is listed by its first asset and stays listed, unused, once that asset moves on.
  const moved = await createAsset(page, { assetTag: 'REN-004', name: 'Old', category: 'Obsolete' });
  const patched = await page.request.patch(`api/assets/${moved}`, { data: { category: 'Spare parts', version: 1 } });
  expect(patched.status()).toBe(200);

  await page.goto('admin/lists');
  await expect(page.getByRole('heading', { name: 'Lists', level: 1 })).toBeVisible();
  const categories = page.getByRole('region', { name: 'Asset categories', exact: true });
  await expect(categories.getByRole('row', { name: /Furnture/ })).toContainText('2');
  await expectNoSeriousA11yViolations(page);

  await categories.getByText('Rename Furnture').click();
  await categories.getByLabel('New name for Furnture').fill('Furniture');
  await categories.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByText('Renamed “Furnture” to “Furniture” on 2 assets.')).toBeVisible();

  await page.goto(`assets/${first}`);
  await expect(page.locator('dl.facts')).toContainText('Furniture');
  await page.goto('assets?category=Furniture');
  await expect(page.getByRole('link', { name: 'REN-002' })).toBeVisible();

  await page.goto('admin/lists');
  await expect(categories.getByRole('row', { name: /Spare parts/ })).toContainText('In use');
  await categories.getByRole('button', { name: 'Remove Obsolete' }).click();
  await expect(page.getByText('Removed “Obsolete”.')).toBeVisible();
  await expect(categories.getByRole('row', { name: /Obsolete/ })).toHaveCount(0);

  await categories.getByLabel('New asset category').fill('spare PARTS');
  await categories.getByRole('button', { name: 'Add asset category' }).click();
  await expect(categories.getByText('“Spare parts” is already in the list.').first()).toBeVisible();
  await context.close();
});

test('ticket categories: the forms suggest the list, a requester chooses from it, an admin renames one on every ticket', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page);
  const typo = await page.request.post('api/tickets', {
    data: { title: 'Label printer offline', category: 'Printrs' },
  });
  expect(typo.status()).toBe(201);
  const first = ((await typo.json()) as { id: string }).id;

  // The new-ticket form offers the listed value, and saves another letter case as listed.
  await page.goto('tickets/new');
  await expect(page.locator('#field-category-suggestions option[value="Printrs"]')).toHaveCount(1);
  await page.getByLabel('Title').fill('Badge printer jams');
  await page.getByLabel('Category').fill('PRINTRS');
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page.getByText(/Ticket T-\d+ opened/)).toBeVisible();
  await expect(page.locator('dl.facts')).toContainText('Printrs');
  await expect(page.locator('#field-category-suggestions option[value="Printrs"]')).toHaveCount(1);

  await page.goto('admin/lists');
  const categories = page.getByRole('region', { name: 'Ticket categories', exact: true });
  await expect(categories.getByRole('row', { name: /Printrs/ })).toContainText('2');
  await expect(categories.getByRole('row', { name: /Hardware/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await categories.getByText('Rename Printrs').click();
  await categories.getByLabel('New name for Printrs').fill('Printers');
  await categories.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByText('Renamed “Printrs” to “Printers” on 2 tickets.')).toBeVisible();
  await expect(categories.getByRole('row', { name: /Printers/ })).toContainText('In use');

  await page.goto(`tickets/${first}`);
  await expect(page.locator('dl.facts')).toContainText('Printers');
  await expect(page.getByLabel('Category')).toHaveValue('Printers');
  await context.close();

  // A requester chooses a listed category (in any letter case) or none; a new one is refused beside the field.
  const rita = await openBrowser(browser, server.app);
  await signIn(rita.page, 'rita');
  await rita.page.goto('tickets/new');
  await expect(rita.page.locator('#field-category-suggestions option[value="Printers"]')).toHaveCount(1);
  await rita.page.getByLabel('Title').fill('Printer out of toner');
  await rita.page.getByLabel('Category').fill('Coffee machine');
  await rita.page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(rita.page.getByText('Choose one of the listed categories.').first()).toBeVisible();
  await expectNoSeriousA11yViolations(rita.page);
  await rita.page.getByLabel('Category').fill('printers');
  await rita.page.getByRole('button', { name: 'Open ticket' }).click();
  await expect(rita.page.getByText(/Ticket T-\d+ opened/)).toBeVisible();
  await expect(rita.page.locator('dl.facts')).toContainText('Printers');
  await rita.context.close();
});
