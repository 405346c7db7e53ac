import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { LoginPage } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// Places, a custom field and an audit, as an admin sets them up and an auditor walks a floor.
const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
});

async function signIn(page: Page) {
  await new LoginPage(page).goto();
  await new LoginPage(page).signIn('ada', 'ada-password-1');
  await expect(page).not.toHaveURL(/\/login/);
}

test('places, a required number field checked on the form, and an audit with found, missing and unexpected', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { page } = await openBrowser(browser, server.app);
  await signIn(page);

  // A category and its field.
  await page.goto('admin/lists');
  await page.getByLabel('New asset category').fill('Laptop');
  await page.getByRole('button', { name: 'Add asset category' }).click();
  await expect(page.getByText('Added “Laptop”.')).toBeVisible();
  await page.goto('admin/fields');
  await page.getByLabel('Category').selectOption({ label: 'Laptop' });
  await page.getByLabel('Field name').fill('RAM GB');
  await page.getByLabel('Kind').selectOption({ label: 'Number' });
  await page.getByLabel('Required').check();
  await page.getByRole('button', { name: 'Add field' }).click();
  await expect(page.getByText('Added “RAM GB”.')).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // HQ › 2nd floor.
  await page.goto('locations');
  await page.getByLabel('Name').fill('HQ');
  await page.getByRole('button', { name: 'Add place' }).click();
  await expect(page.getByText('Added “HQ”.')).toBeVisible();
  await page.getByLabel('Name').fill('2nd floor');
  await page.getByLabel('Inside').selectOption({ label: 'HQ' });
  await page.getByRole('button', { name: 'Add place' }).click();
  await expect(page.getByText('Added “HQ / 2nd floor”.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: '2nd floor' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Two laptops on the 2nd floor; the form refuses RAM that is not a number, beside the field.
  for (const tag of ['LAP-1', 'LAP-2']) {
    await page.goto('assets/new');
    await page.getByLabel('Asset tag').fill(tag);
    await page.getByLabel('Name', { exact: true }).fill('ThinkPad');
    await page.getByLabel('Category').fill('Laptop');
    await page.getByLabel('Location').selectOption({ label: 'HQ / 2nd floor' });
    await page.getByLabel('RAM GB').fill(tag === 'LAP-1' ? 'lots' : '16');
    await page.getByRole('button', { name: 'Create asset' }).click();
    if (tag === 'LAP-1') {
      await expect(page.getByText('RAM GB must be a number, e.g. 16 or 2.5.').first()).toBeVisible();
      await page.getByLabel('RAM GB').fill('32');
      await page.getByRole('button', { name: 'Create asset' }).click();
    }
    await expect(page.getByText(`Asset ${tag} created.`)).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'HQ / 2nd floor' })).toBeVisible();

  // The audit of HQ finds LAP-1, misses LAP-2, and reports a tag of no asset.
  await page.goto('locations');
  await page.getByRole('link', { name: 'HQ', exact: true }).click();
  await expect(page.getByRole('link', { name: 'LAP-2' })).toBeVisible();
  await page.getByRole('link', { name: 'Audit this place' }).click();
  const scan = page.getByLabel('Asset tag');
  await scan.fill('lap-1');
  await scan.press('Enter');
  await scan.fill('NOPE-9');
  await scan.press('Enter');
  await expect(page.getByRole('heading', { name: 'Found (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Missing (1)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Unexpected (1)' })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Save audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit of HQ' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Found (1)' })).toBeVisible();
  await expect(page.getByText('nope-9')).toBeVisible();
  const report = await page.request.get(
    (await page.getByRole('link', { name: 'Download the report (CSV)' }).getAttribute('href'))!,
  );
  expect(report.status()).toBe(200);
  const text = await report.text();
  expect(text).toContain('LAP-1,ThinkPad,found,HQ / 2nd floor,HQ');
  expect(text).toContain('LAP-2,ThinkPad,missing');
});
