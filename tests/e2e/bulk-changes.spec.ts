import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/axe';
import { signIn } from './support/login-page';
import { openBrowser, useAppServer } from './support/session';

// Bulk changes from the lists: tick rows (by keyboard) or take "all N matching", preview, apply, result.

const server = useAppServer((app) => {
  app.createUser('ada', 'ada-password-1', 'admin');
  app.createUser('agnes', 'agnes-password-1', 'agent');
});

async function createAsset(page: Page, assetTag: string, status = 'in_stock') {
  const response = await page.request.post('api/assets', { data: { assetTag, name: 'Bulk laptop', status } });
  expect(response.status()).toBe(201);
}

test('an agent ticks three assets by keyboard, previews a status change, applies it and reads the result', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'agnes', 'agnes-password-1');
  await createAsset(page, 'BULK-001');
  await createAsset(page, 'BULK-002');
  await createAsset(page, 'BULK-003', 'retired');
  await createAsset(page, 'BULK-004');

  await page.goto('assets?q=BULK');
  for (const tag of ['BULK-001', 'BULK-002', 'BULK-003']) {
    const box = page.getByRole('checkbox', { name: `Select ${tag}` });
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
  }
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel('Bulk change').selectOption({ label: 'Change status' });
  await page.getByRole('button', { name: 'Change selected' }).click();

  await expect(page.getByRole('heading', { name: 'For 3 selected assets' })).toBeVisible();
  await page.getByLabel('New status').selectOption({ label: 'Retired' });
  await page.getByRole('button', { name: 'Preview' }).click();

  await expect(page.getByRole('heading', { name: 'Preview of a bulk change' })).toBeVisible();
  await expect(page.getByText('2 will change; 1 cannot')).toBeVisible();
  const retiredRow = page.getByRole('row', { name: /BULK-003/ });
  await expect(retiredRow).toContainText('Cannot change');
  await expect(retiredRow).toContainText('Already Retired.');
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('button', { name: 'Apply to 2 assets' }).click();
  await expect(
    page.getByText('Done: 2 changed, 1 skipped, 0 changed by someone else since the preview, 0 failed.'),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /BULK-001/ })).toContainText('Changed');
  await expectNoSeriousA11yViolations(page);

  await page.goto('assets?q=BULK&status=retired');
  await expect(page.getByRole('link', { name: 'BULK-001' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'BULK-004' })).toHaveCount(0);
  await context.close();
});

test('an admin changes the status of all tickets matching a filter and finds the batch in the audit log', async ({
  browser,
}) => {
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'ada', 'ada-password-1');
  for (const n of [1, 2, 3]) {
    const response = await page.request.post('api/tickets', { data: { title: `Toner empty ${n}` } });
    expect(response.status()).toBe(201);
  }
  await page.request.post('api/tickets', { data: { title: 'Unrelated printer jam' } });

  await page.goto('tickets?view=all&q=toner');
  await page.getByLabel('Bulk change').selectOption({ label: 'Change status' });
  await page.getByRole('button', { name: 'Change all 3 matching' }).click();

  await expect(page.getByRole('heading', { name: /^For all tickets matching/ })).toBeVisible();
  await page.getByLabel('New status').selectOption({ label: 'Waiting on requester' });
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText('3 will change; 0 cannot')).toBeVisible();
  await page.getByRole('button', { name: 'Apply to 3 tickets' }).click();
  await expect(page.getByText(/^Done: 3 changed/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole('link', { name: 'This change in the audit log' }).click();
  await expect(page.getByText('Showing one bulk change only.')).toBeVisible();
  await expect(page.getByRole('heading', { name: /Matching entries \(3\)/ })).toBeVisible();
  await context.close();
});

test('an admin sets a custom field on every phone matching a search, the value checked beside its input', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { context, page } = await openBrowser(browser, server.app);
  await signIn(page, 'ada', 'ada-password-1');
  await page.goto('admin/lists');
  await page.getByLabel('New asset category').fill('Phone');
  await page.getByRole('button', { name: 'Add asset category' }).click();
  await expect(page.getByText('Added “Phone”.')).toBeVisible();
  for (const [name, kind, choices] of [
    ['Carrier', 'One of a list', 'Acme Mobile, Globex'],
    ['Storage GB', 'Number', ''],
  ]) {
    await page.goto('admin/fields');
    await page.getByLabel('Category').selectOption({ label: 'Phone' });
    await page.getByLabel('Field name').fill(name);
    await page.getByLabel('Kind').selectOption({ label: kind });
    if (choices) await page.getByLabel('Choices').fill(choices);
    await page.getByRole('button', { name: 'Add field' }).click();
    await expect(page.getByText(`Added “${name}”.`)).toBeVisible();
  }
  for (const [assetTag, category, storage] of [
    ['PHN-1', 'Phone', '64'],
    ['PHN-2', 'Phone', '128'],
    ['PHN-3', 'Other', ''],
  ]) {
    const customFields = storage ? { 'Storage GB': storage } : {};
    const response = await page.request.post('api/assets', {
      data: { assetTag, name: 'Field phone', category, customFields },
    });
    expect(response.status()).toBe(201);
  }

  await page.goto('assets?q=PHN');
  await page.getByLabel('Bulk change').selectOption({ label: 'Change a custom field' });
  await page.getByRole('button', { name: 'Change all 3 matching' }).click();
  await expect(page.getByRole('heading', { name: /^For all assets matching/ })).toBeVisible();
  // The value's input follows the field: a list for Carrier, text for a number.
  await expect(page.getByLabel('New Carrier')).toHaveJSProperty('tagName', 'SELECT');
  await page.getByLabel('Field', { exact: true }).selectOption({ label: 'Storage GB' });
  await page.getByLabel('New Storage GB').fill('lots');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('#field-value-error')).toHaveText('Storage GB must be a number, e.g. 16 or 2.5.');
  await expect(page.getByLabel('Field', { exact: true })).toHaveValue(/.+/);
  await expect(page.getByLabel('New Storage GB')).toHaveValue('lots');
  // Another field does not inherit that error.
  await page.getByLabel('Field', { exact: true }).selectOption({ label: 'Carrier' });
  await expect(page.locator('#field-value-error')).toHaveCount(0);
  await page.getByLabel('Field', { exact: true }).selectOption({ label: 'Storage GB' });
  await page.getByLabel('New Storage GB').fill('128');
  await page.getByRole('button', { name: 'Preview' }).click();

  await expect(page.getByText('1 will change; 2 cannot')).toBeVisible();
  await expect(page.getByRole('row', { name: /PHN-2/ })).toContainText('Already 128.');
  await expect(page.getByRole('row', { name: /PHN-3/ })).toContainText(
    'Storage GB is a field of Phone; this asset is in Other.',
  );
  await expectNoSeriousA11yViolations(page);
  await page.getByRole('button', { name: 'Apply to 1 asset' }).click();
  await expect(page.getByText(/^Done: 1 changed, 2 skipped/)).toBeVisible();

  await page.getByRole('link', { name: 'PHN-1' }).click();
  await expect(page).toHaveURL(/\/assets\/[0-9a-f-]{36}$/);
  await expect(page.locator('dt', { hasText: 'Storage GB' }).locator('+ dd')).toHaveText('128');
  await context.close();
});
