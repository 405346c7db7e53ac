import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { LoginPage } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// Category, manufacturer and model are managed lists (lib/assets/catalog*.ts): the asset form
// suggests their values, saves another letter case in the listed spelling, and Admin → Lists
// renames a value on every asset and removes one no asset uses.

const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
});

async function signIn(page: Page) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn('ada', 'ada-password-1');
  await login.expectSignedIn('ada');
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
  const categories = page.getByRole('region', { name: 'Categories' });
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

  await categories.getByLabel('New category').fill('spare PARTS');
  await categories.getByRole('button', { name: 'Add category' }).click();
  await expect(categories.getByText('“Spare parts” is already in the list.').first()).toBeVisible();
  await context.close();
});
